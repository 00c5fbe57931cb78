package dev.conversa.agent;

import dev.conversa.model.TenantId;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A person who answers customers for a tenant: the queues they serve, whether they take
 * conversations now, and how many they hold at most.
 *
 * <pre>{@code
 * Agent ana = Agent.builder().tenant(tenant).id("ana").displayName("Ana")
 *         .queue("support").presence(Presence.ONLINE).maxConversations(3).build();
 * conversa.agents().save(ana);
 * }</pre>
 *
 * @param tenant the business
 * @param id the agent's id, unique in the tenant: 1 to 100 letters, digits or {@code _ . : -}
 * @param displayName the name shown to other agents
 * @param queues the ids of the queues the agent serves
 * @param presence whether the agent takes conversations now
 * @param maxConversations the most conversations assigned at once, at least 1
 */
public record Agent(TenantId tenant, String id, String displayName, Set<String> queues, Presence presence,
        int maxConversations) {

    /**
     * Checks the fields and copies the set.
     *
     * @throws IllegalArgumentException if an id is malformed, the name blank or the maximum below 1
     */
    public Agent {
        Objects.requireNonNull(tenant, "tenant");
        AgentIds.check(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        if (displayName.isBlank()) {
            throw new IllegalArgumentException("displayName must not be blank");
        }
        queues.forEach(queue -> AgentIds.check(queue, "queue"));
        queues = Set.copyOf(queues);
        Objects.requireNonNull(presence, "presence");
        if (maxConversations < 1) {
            throw new IllegalArgumentException("maxConversations must be at least 1; got " + maxConversations);
        }
    }

    /**
     * Starts an agent: offline, serving no queue, at most one conversation.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this agent's settings.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder().tenant(tenant).id(id).displayName(displayName).presence(presence)
                .maxConversations(maxConversations);
        queues.forEach(builder::queue);
        return builder;
    }

    /**
     * A copy with another presence.
     *
     * @param newPresence the presence
     * @return the copy
     */
    public Agent withPresence(Presence newPresence) {
        return new Agent(tenant, id, displayName, queues, newPresence, maxConversations);
    }

    /**
     * Tells whether the agent serves a queue.
     *
     * @param queue the queue's id
     * @return true if it is among {@link #queues()}
     */
    public boolean serves(String queue) {
        return queues.contains(queue);
    }

    /** Collects an agent's settings. Not thread-safe. */
    public static final class Builder {

        private TenantId tenant;
        private String id;
        private String displayName;
        private final Set<String> queues = new LinkedHashSet<>();
        private Presence presence = Presence.OFFLINE;
        private int maxConversations = 1;

        private Builder() {}

        /**
         * Sets the business.
         *
         * @param value the tenant
         * @return this builder
         */
        public Builder tenant(TenantId value) {
            this.tenant = Objects.requireNonNull(value, "tenant");
            return this;
        }

        /**
         * Sets the agent's id.
         *
         * @param value the id
         * @return this builder
         */
        public Builder id(String value) {
            this.id = Objects.requireNonNull(value, "id");
            return this;
        }

        /**
         * Sets the name shown to other agents.
         *
         * @param value the name
         * @return this builder
         */
        public Builder displayName(String value) {
            this.displayName = Objects.requireNonNull(value, "displayName");
            return this;
        }

        /**
         * Adds a queue the agent serves; may be called again to add more.
         *
         * @param value the queue's id
         * @return this builder
         */
        public Builder queue(String value) {
            queues.add(Objects.requireNonNull(value, "queue"));
            return this;
        }

        /**
         * Sets the presence (default {@link Presence#OFFLINE}).
         *
         * @param value the presence
         * @return this builder
         */
        public Builder presence(Presence value) {
            this.presence = Objects.requireNonNull(value, "presence");
            return this;
        }

        /**
         * Sets the most conversations assigned at once (default 1).
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder maxConversations(int value) {
            this.maxConversations = value;
            return this;
        }

        /**
         * Builds the agent.
         *
         * @return the agent
         * @throws IllegalStateException naming the setting that is missing or invalid
         */
        public Agent build() {
            if (tenant == null) {
                throw new IllegalStateException("tenant is required: call Agent.builder().tenant(...)");
            }
            if (id == null) {
                throw new IllegalStateException("id is required: call Agent.builder().id(...)");
            }
            if (displayName == null) {
                throw new IllegalStateException("displayName is required: call Agent.builder().displayName(...)");
            }
            try {
                return new Agent(tenant, id, displayName, queues, presence, maxConversations);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }
}
