package dev.conversa.model;

import java.util.Objects;

/**
 * A text with one button that opens a URL.
 *
 * @param body the text
 * @param label the button's label
 * @param url the https URL it opens
 */
public record CallToAction(String body, String label, String url) implements OutboundContent {

    /** Checks the fields. */
    public CallToAction {
        Objects.requireNonNull(body, "body");
        Ids.requireId(label, "label");
        Ids.requireId(url, "url");
    }

    @Override
    public String kind() {
        return "cta_url";
    }
}
