package dev.conversa.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer sent an order from the business's catalog.
 *
 * @param catalogId the catalog's id
 * @param text a note the customer added, when any
 * @param items the ordered products
 */
public record Order(String catalogId, Optional<String> text, List<OrderItem> items) implements MessageContent {

    /** Checks the fields and copies the list. */
    public Order {
        Objects.requireNonNull(catalogId, "catalogId");
        Objects.requireNonNull(text, "text");
        items = List.copyOf(items);
    }

    @Override
    public String kind() {
        return "order";
    }

    @Override
    public String readableText() {
        return text.orElse("");
    }
}
