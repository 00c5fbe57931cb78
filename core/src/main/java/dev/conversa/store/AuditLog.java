package dev.conversa.store;

import dev.conversa.model.TenantId;
import java.time.Instant;
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
     * Removes up to {@code limit} events of the scope that happened at or before {@code cutoff},
     * oldest first, in one transaction.
     *
     * @param scope the tenants covered
     * @param cutoff events at or before this time are removed
     * @param limit the most to remove, at least 1
     * @return how many were removed
     * @throws IllegalArgumentException if the limit is below 1
     */
    int purge(PurgeScope scope, Instant cutoff, int limit);

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
