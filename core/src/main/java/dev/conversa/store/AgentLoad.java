package dev.conversa.store;

import dev.conversa.agent.Agent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An agent with what assignment strategies weigh: how many conversations the agent holds now,
 * and when the agent was last given one.
 *
 * @param agent the agent
 * @param activeConversations how many conversations are assigned to the agent now
 * @param lastAssignedAt when the agent was last assigned a conversation, empty if never
 */
public record AgentLoad(Agent agent, int activeConversations, Optional<Instant> lastAssignedAt) {

    /** Checks the fields. */
    public AgentLoad {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(lastAssignedAt, "lastAssignedAt");
        if (activeConversations < 0) {
            throw new IllegalArgumentException("activeConversations must not be negative");
        }
    }
}
