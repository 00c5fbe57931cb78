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
 */
public record Assignment(TenantId tenant, ConversationKey conversation, String queue, Optional<String> agent,
        String reason, Instant queuedAt, Optional<Instant> assignedAt) {

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
     * Tells whether the conversation still waits for an agent.
     *
     * @return true when no agent holds it
     */
    public boolean waiting() {
        return agent.isEmpty();
    }
}
