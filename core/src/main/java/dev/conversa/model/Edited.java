package dev.conversa.model;

import java.util.Objects;

/**
 * The customer edited a message.
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
