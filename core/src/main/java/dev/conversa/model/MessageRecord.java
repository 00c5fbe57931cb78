package dev.conversa.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message as stored in a conversation's history.
 *
 * @param tenant the business
 * @param conversation the conversation
 * @param messageId the channel's id of the message; for outbound messages not yet accepted by
 *     the channel, the outbox id prefixed {@code "outbox:"}
 * @param direction inbound or outbound
 * @param author who wrote it
 * @param kind the content's kind ({@code "text"}, {@code "image"}, ...)
 * @param text the readable text, when any
 * @param status how far an outbound message got; {@link DeliveryStatus#DELIVERED} for inbound
 * @param timestamp when it was sent
 * @param agent the id of the agent who wrote an outbound {@link Author#AGENT} message through
 *     {@code Conversa.agents().reply}; empty otherwise
 */
public record MessageRecord(
        TenantId tenant, ConversationKey conversation, String messageId, Direction direction, Author author,
        String kind, Optional<String> text, DeliveryStatus status, Instant timestamp, Optional<String> agent) {

    /** Checks the fields. */
    public MessageRecord {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(conversation, "conversation");
        Ids.requireId(messageId, "messageId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(agent, "agent");
    }

    /**
     * A message that names no agent.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @param messageId the channel's id of the message
     * @param direction inbound or outbound
     * @param author who wrote it
     * @param kind the content's kind
     * @param text the readable text, when any
     * @param status how far an outbound message got
     * @param timestamp when it was sent
     */
    public MessageRecord(TenantId tenant, ConversationKey conversation, String messageId, Direction direction,
            Author author, String kind, Optional<String> text, DeliveryStatus status, Instant timestamp) {
        this(tenant, conversation, messageId, direction, author, kind, text, status, timestamp, Optional.empty());
    }

    /**
     * Returns a copy with another status.
     *
     * @param newStatus the status
     * @return the copy
     */
    public MessageRecord withStatus(DeliveryStatus newStatus) {
        return new MessageRecord(tenant, conversation, messageId, direction, author, kind, text, newStatus, timestamp,
                agent);
    }

    /**
     * Returns a copy with another time.
     *
     * @param newTimestamp the time
     * @return the copy
     */
    public MessageRecord withTimestamp(Instant newTimestamp) {
        return new MessageRecord(tenant, conversation, messageId, direction, author, kind, text, status, newTimestamp,
                agent);
    }

    /** Leaves out the text. */
    @Override
    public String toString() {
        return "MessageRecord[" + direction + ", " + kind + ", " + status + "]";
    }
}
