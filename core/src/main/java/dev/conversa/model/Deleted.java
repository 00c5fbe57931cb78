package dev.conversa.model;

import java.util.Objects;

/**
 * A message was deleted (unsent): by the customer, or by the business in another app (the
 * WhatsApp Business app's echo of a deletion); the stored copy must be removed.
 *
 * @param header where, who, which id, when
 * @param messageId the channel's id of the deleted message
 */
public record Deleted(EventHeader header, String messageId) implements InboundEvent {

    /** Checks the fields. */
    public Deleted {
        Objects.requireNonNull(header, "header");
        Ids.requireId(messageId, "messageId");
    }

    @Override
    public String kind() {
        return "deleted";
    }
}
