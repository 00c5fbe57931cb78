package dev.conversa.agent;

import dev.conversa.model.TenantId;
import java.util.Objects;

/**
 * A queue (department) of a tenant, such as {@code "sales"} or {@code "support"}: conversations
 * handed to a person wait in one until an agent serving it takes them. One queue per tenant may
 * be the default, where handoffs that name no queue go; without one, they go to
 * {@link #DEFAULT_ID}.
 *
 * <pre>{@code
 * conversa.agents().saveQueue(AgentQueue.of(tenant, "support", "Customer support").asDefault());
 * }</pre>
 *
 * @param tenant the business
 * @param id the queue's id: 1 to 100 letters, digits or {@code _ . : -}
 * @param name the name shown to agents
 * @param defaultQueue whether unrouted handoffs go here
 * @param sla the queue's service levels: wait and answer limits ({@link SlaPolicy#none()} for none)
 */
public record AgentQueue(TenantId tenant, String id, String name, boolean defaultQueue, SlaPolicy sla) {

    /** The queue unrouted handoffs go to when the tenant has no default queue. */
    public static final String DEFAULT_ID = "default";

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if the id is malformed or the name blank
     */
    public AgentQueue {
        Objects.requireNonNull(tenant, "tenant");
        AgentIds.check(id, "id");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Objects.requireNonNull(sla, "sla");
    }

    /**
     * A queue without service levels.
     *
     * @param tenant the business
     * @param id the queue's id
     * @param name the name shown to agents
     * @param defaultQueue whether unrouted handoffs go here
     */
    public AgentQueue(TenantId tenant, String id, String name, boolean defaultQueue) {
        this(tenant, id, name, defaultQueue, SlaPolicy.none());
    }

    /**
     * A queue that is not the default.
     *
     * @param tenant the business
     * @param id the queue's id
     * @param name the name shown to agents
     * @return the queue
     */
    public static AgentQueue of(TenantId tenant, String id, String name) {
        return new AgentQueue(tenant, id, name, false);
    }

    /**
     * A copy that is the tenant's default queue.
     *
     * @return the copy
     */
    public AgentQueue asDefault() {
        return new AgentQueue(tenant, id, name, true, sla);
    }

    /**
     * A copy with these service levels.
     *
     * @param policy the wait and answer limits
     * @return the copy
     */
    public AgentQueue withSla(SlaPolicy policy) {
        return new AgentQueue(tenant, id, name, defaultQueue, policy);
    }
}
