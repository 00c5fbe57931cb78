package dev.conversa.agent;

import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a conversation handed to a person, as stored for the manager's metrics: it waited
 * in a queue, an agent got it, it went back to a queue, it was released to the bot or closed.
 * Kept in the agent store so the figures survive restarts and agree across instances; erased
 * with the person.
 *
 * @param tenant the business
 * @param conversation the conversation
 * @param kind what happened
 * @param queue the queue it waits in or was taken from, when known
 * @param agent the agent who got it ({@link Kind#ASSIGNED}) or acted, when an agent did
 * @param at when it happened
 */
public record HandoffEvent(TenantId tenant, ConversationKey conversation, Kind kind, Optional<String> queue,
        Optional<String> agent, Instant at) {

    /** What happened to the conversation. */
    public enum Kind {
        /** Handed to a person: it starts waiting in a queue. */
        QUEUED,
        /** An agent got it: claimed, assigned by a strategy, or transferred to the agent. */
        ASSIGNED,
        /** Sent back to wait in a queue, with no agent. */
        REQUEUED,
        /** Given back to the bot. */
        RELEASED,
        /** Closed. */
        CLOSED
    }

    /** Checks the fields are not null. */
    public HandoffEvent {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(at, "at");
    }

    /**
     * Whether this event ends the person's part: released or closed.
     *
     * @return true for {@link Kind#RELEASED} and {@link Kind#CLOSED}
     */
    public boolean ends() {
        return kind == Kind.RELEASED || kind == Kind.CLOSED;
    }

    @Override
    public String toString() {
        return "HandoffEvent[" + kind + ", queue=" + queue.orElse("-") + ", agent=" + agent.orElse("-") + ", at=" + at
                + "]";
    }
}
