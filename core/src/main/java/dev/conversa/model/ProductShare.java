package dev.conversa.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The customer shared products of the business's shop (Messenger's product template, sent from
 * Facebook Shops), with their catalogue ids.
 *
 * @param products the products, at least one, in the order sent
 */
public record ProductShare(List<Product> products) implements MessageContent {

    /**
     * Checks the list and copies it.
     *
     * @throws IllegalArgumentException if there is no product
     */
    public ProductShare {
        products = List.copyOf(products);
        if (products.isEmpty()) {
            throw new IllegalArgumentException("a product share names at least one product");
        }
    }

    @Override
    public String kind() {
        return "product_share";
    }

    /** The products' titles, one per line. */
    @Override
    public String readableText() {
        return products.stream().map(product -> product.title().orElse(product.productId()))
                .collect(Collectors.joining("\n"));
    }

    /**
     * One shared product.
     *
     * @param productId Meta's id of the product
     * @param retailerId the business's own id of the product (its SKU), when sent
     * @param title the product's title, when sent
     * @param subtitle the subtitle, usually the price as text, when sent
     * @param imageUrl the product image's URL, when sent
     */
    public record Product(String productId, Optional<String> retailerId, Optional<String> title,
            Optional<String> subtitle, Optional<String> imageUrl) {

        /** Checks the fields are not null and the product id is not blank. */
        public Product {
            Ids.requireId(productId, "productId");
            Objects.requireNonNull(retailerId, "retailerId");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(subtitle, "subtitle");
            Objects.requireNonNull(imageUrl, "imageUrl");
        }
    }
}
