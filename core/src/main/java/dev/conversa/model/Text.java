package dev.conversa.model;

import java.util.Objects;

/**
 * Plain text, in either direction.
 *
 * @param body the text; never null, may be empty only for inbound messages that carried none
 */
public record Text(String body) implements MessageContent, OutboundContent {

    /** Checks that the body is not null. */
    public Text {
        Objects.requireNonNull(body, "body");
    }

    @Override
    public String kind() {
        return "text";
    }

    @Override
    public String readableText() {
        return body;
    }

    /** Returns the kind and length only: message text never reaches logs through toString. */
    @Override
    public String toString() {
        return "Text[" + body.length() + " chars]";
    }
}
