package dev.conversa.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The customer tapped something the business offered: a button, a list row, a quick reply, a
 * postback, or finished a Flow.
 *
 * @param replyKind which kind of element
 * @param id the element's id or payload, as the business set it
 * @param title the label the customer saw, when sent
 * @param description a list row's description, when sent
 * @param responseJson a Flow's answer as the JSON string the channel sent, when a Flow
 */
public record InteractiveReply(
        ReplyKind replyKind, String id, Optional<String> title, Optional<String> description,
        Optional<String> responseJson)
        implements MessageContent {

    /** Checks the fields. */
    public InteractiveReply {
        Objects.requireNonNull(replyKind, "replyKind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(responseJson, "responseJson");
    }

    @Override
    public String kind() {
        return "interactive_reply";
    }

    @Override
    public String readableText() {
        return title.orElse(id);
    }
}
