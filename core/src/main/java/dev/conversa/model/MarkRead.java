package dev.conversa.model;

/**
 * Marks the customer's message as read (blue ticks, "seen").
 *
 * @param messageId the channel's id of the customer's message
 */
public record MarkRead(String messageId) implements OutboundContent {

    /** Checks the id. */
    public MarkRead {
        Ids.requireId(messageId, "messageId");
    }

    @Override
    public String kind() {
        return "mark_read";
    }

    @Override
    public boolean isMessage() {
        return false;
    }
}
