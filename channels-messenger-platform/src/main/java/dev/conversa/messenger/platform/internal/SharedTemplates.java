package dev.conversa.messenger.platform.internal;

import dev.conversa.internal.json.LenientJson;
import dev.conversa.model.MessageContent;
import dev.conversa.model.ProductShare;
import dev.conversa.model.TemplateAttachment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@code template} attachment that arrived in a message: a customer's product message
 * from Shops ({@code payload.product.elements[]}, each with Meta's product id and the business's
 * retailer id) becomes a {@link ProductShare}; any other template (button, generic, receipt,
 * airline, media, echoed from another app) a {@link TemplateAttachment} with its type and a safe
 * summary: the template's own text or introduction, else its elements' titles, else the
 * attachment's title, else its buttons' titles. Names, addresses and payment details of a receipt or an itinerary never
 * enter the summary.
 */
final class SharedTemplates {

    private SharedTemplates() {}

    static MessageContent template(JsonNode attachment) {
        JsonNode payload = attachment.path("payload");
        List<ProductShare.Product> products = products(payload.path("product").path("elements"));
        if (!products.isEmpty()) {
            return new ProductShare(products);
        }
        String type = LenientJson.nonEmpty(payload, "template_type").orElse("template");
        return new TemplateAttachment(type, summary(payload, attachment), attachment.toString());
    }

    private static List<ProductShare.Product> products(JsonNode elements) {
        List<ProductShare.Product> products = new ArrayList<>();
        for (JsonNode element : elements) {
            LenientJson.nonBlank(element, "id").ifPresent(id -> products.add(new ProductShare.Product(id,
                    LenientJson.nonBlank(element, "retailer_id"), LenientJson.nonBlank(element, "title"),
                    LenientJson.nonBlank(element, "subtitle"), LenientJson.nonBlank(element, "image_url"))));
        }
        return products;
    }

    private static String summary(JsonNode payload, JsonNode attachment) {
        Optional<String> own = LenientJson.nonBlank(payload, "text")
                .or(() -> LenientJson.nonBlank(payload, "intro_message"));
        if (own.isPresent()) {
            return own.get();
        }
        String titles = titles(payload, "elements");
        if (titles.isEmpty()) {
            titles = LenientJson.nonBlank(attachment, "title").orElseGet(() -> titles(payload, "buttons"));
        }
        return titles;
    }

    private static String titles(JsonNode payload, String field) {
        return LenientJson.array(payload, field).stream()
                .map(item -> LenientJson.nonBlank(item, "title"))
                .flatMap(Optional::stream)
                .collect(Collectors.joining(", "));
    }
}
