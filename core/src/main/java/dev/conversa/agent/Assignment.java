package dev.conversa.agent;

import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation handed to a person: the queue it waits in and, once one took it, the agent.
 * Exists from the handoff ({@code WAITING_FOR_AGENT}) while a person holds the conversation
 * ({@code WITH_AGENT}); gone once it is released to the bot or closed.
 *
 * @param tenant the business
 * @param conversation the conversation
 * @param queue the id of the queue it waits in, or came from
 * @param agent the id of the agent holding it, empty while it waits
 * @param reason why it was handed to a person (the handoff's reason), for the agents
 * @param queuedAt when it entered its queue
 * @param assignedAt when the agent took it, empty while it waits
 * @param priority how urgent it is among the waiting: higher is taken first; 0 unless it waited
 *     past its queue's SLA limit and was escalated ({@link SlaPolicy})
 */
public record Assignment(TenantId tenant, ConversationKey conversation, String queue, Optional<String> agent,
        String reason, Instant queuedAt, Optional<Instant> assignedAt, int priority) {

    /** Checks the fields are not null. */
    public Assignment {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(queuedAt, "queuedAt");
        Objects.requireNonNull(assignedAt, "assignedAt");
    }

    /**
     * An assignment of priority 0.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @param queue the id of the queue it waits in, or came from
     * @param agent the id of the agent holding it, empty while it waits
     * @param reason why it was handed to a person
     * @param queuedAt when it entered its queue
     * @param assignedAt when the agent took it, empty while it waits
     */
    public Assignment(TenantId tenant, ConversationKey conversation, String queue, Optional<String> agent,
            String reason, Instant queuedAt, Optional<Instant> assignedAt) {
        this(tenant, conversation, queue, agent, reason, queuedAt, assignedAt, 0);
    }

    /**
     * Tells whether the conversation still waits for an agent.
     *
     * @return true when no agent holds it
     */
    public boolean waiting() {
        return agent.isEmpty();
    }
}
