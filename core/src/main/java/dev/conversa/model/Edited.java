package dev.conversa.model;

import java.util.Objects;

/**
 * A message was edited: by the customer, or by the business in another app (the WhatsApp
 * Business app's echo of an edit); the stored copy takes the new content.
 *
 * @param header where, who, which id, when
 * @param messageId the channel's id of the edited message
 * @param content its new content
 */
public record Edited(EventHeader header, String messageId, MessageContent content) implements InboundEvent {

    /** Checks the fields. */
    public Edited {
        Objects.requireNonNull(header, "header");
        Ids.requireId(messageId, "messageId");
        Objects.requireNonNull(content, "content");
    }

    @Override
    public String kind() {
        return "edited";
    }
}
