package dev.conversa.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's conversation with one business account, and who answers it.
 *
 * @param tenant the business
 * @param key the channel, account and customer
 * @param state who answers now
 * @param lastInboundAt when the customer last wrote; drives the 24-hour window
 * @param replyDueAt when the bot should answer the messages waiting for an answer (burst
 *     coalescing); empty when nothing waits
 * @param unansweredSince when the oldest message waiting for an answer arrived
 * @param updatedAt when this record last changed
 * @param version incremented on every change, for optimistic updates
 */
public record Conversation(
        TenantId tenant, ConversationKey key, ConversationState state, Optional<Instant> lastInboundAt,
        Optional<Instant> replyDueAt, Optional<Instant> unansweredSince, Instant updatedAt, long version) {

    /** Checks the fields are not null. */
    public Conversation {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastInboundAt, "lastInboundAt");
        Objects.requireNonNull(replyDueAt, "replyDueAt");
        Objects.requireNonNull(unansweredSince, "unansweredSince");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * A new conversation, answered by the bot.
     *
     * @param tenant the business
     * @param key the channel, account and customer
     * @param now the time
     * @return the conversation
     */
    public static Conversation open(TenantId tenant, ConversationKey key, Instant now) {
        return new Conversation(tenant, key, ConversationState.BOT, Optional.empty(), Optional.empty(),
                Optional.empty(), now, 0);
    }

    /**
     * Returns a copy in another state.
     *
     * @param newState the state
     * @param now the time
     * @return the copy
     */
    public Conversation withState(ConversationState newState, Instant now) {
        return new Conversation(tenant, key, newState, lastInboundAt, replyDueAt, unansweredSince, now, version);
    }

    /**
     * Returns a copy with the time of the customer's last message.
     *
     * @param at that time
     * @param now the time of the change
     * @return the copy
     */
    public Conversation withLastInboundAt(Instant at, Instant now) {
        Instant latest = lastInboundAt.filter(t -> t.isAfter(at)).orElse(at);
        return new Conversation(tenant, key, state, Optional.of(latest), replyDueAt, unansweredSince, now, version);
    }

    /**
     * Returns a copy with a reply scheduled.
     *
     * @param due when the reply is due, or empty when none is
     * @param since when the oldest unanswered message arrived, or empty when none waits
     * @param now the time of the change
     * @return the copy
     */
    public Conversation withReplyDue(Optional<Instant> due, Optional<Instant> since, Instant now) {
        return new Conversation(tenant, key, state, lastInboundAt, due, since, now, version);
    }
}
