package dev.conversa.store;

import dev.conversa.model.TenantId;
import java.util.List;
import java.util.function.Predicate;

/**
 * An append-only log of what the library did; only erasure removes entries, those that name an
 * erased person. Implementations are thread-safe.
 */
public interface AuditLog {

    /**
     * Appends an event.
     *
     * @param event the event
     */
    void record(AuditEvent event);

    /**
     * Lists a tenant's newest events, newest first.
     *
     * @param tenant the business
     * @param limit the most to return
     * @return the events
     */
    List<AuditEvent> list(TenantId tenant, int limit);

    /**
     * Removes a tenant's events that match, for erasure of the events that name a person (an
     * {@code eventId} that carries their id).
     *
     * @param tenant the business
     * @param matching which events to remove
     * @return how many were removed
     */
    int delete(TenantId tenant, Predicate<AuditEvent> matching);
}
