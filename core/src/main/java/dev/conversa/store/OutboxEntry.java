package dev.conversa.store;

import dev.conversa.model.OutboundMessage;
import dev.conversa.model.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message waiting to be sent, or the record of one that was.
 *
 * @param id the outbox's id, increasing in order of enqueueing
 * @param tenant the business
 * @param message what to send
 * @param idempotencyKey the key that made it unique: enqueueing the same key again returns
 *     this entry
 * @param state where it is
 * @param attempts how many sends were tried
 * @param notBefore it is not claimed before this time
 * @param channelMessageId the channel's id once sent
 * @param lastError the last failure, without personal data
 * @param fence the claim's fencing token, 0 when not claimed
 * @param createdAt when it was enqueued
 * @param completesHandoff whether this is the responder's last message before a handoff:
 *     {@code StateChangeListener}s hear of the handoff only once it left the outbox, so that a
 *     listener that gives the thread to another app does so after the bot's last word
 */
public record OutboxEntry(
        long id, TenantId tenant, OutboundMessage message, String idempotencyKey, OutboxState state, int attempts,
        Instant notBefore, Optional<String> channelMessageId, Optional<String> lastError, long fence,
        Instant createdAt, boolean completesHandoff) {

    /**
     * How the message history names an outbound message the channel has not yet accepted:
     * {@code "outbox:"} followed by the outbox id.
     */
    public static final String PROVISIONAL_ID_PREFIX = "outbox:";

    /** Checks the fields are not null. */
    public OutboxEntry {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(channelMessageId, "channelMessageId");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * This entry in another state, every other field the same: what a store that changed only
     * the state returns without reading the row back.
     *
     * @param newState the state
     * @return the copy
     */
    public OutboxEntry withState(OutboxState newState) {
        return new OutboxEntry(id, tenant, message, idempotencyKey, newState, attempts, notBefore, channelMessageId,
                lastError, fence, createdAt, completesHandoff);
    }

    /**
     * The id this message is stored under in the message history until the channel gives it
     * its own.
     *
     * @return {@link #PROVISIONAL_ID_PREFIX} followed by the id
     */
    public String provisionalMessageId() {
        return PROVISIONAL_ID_PREFIX + id;
    }
}
