package dev.conversa.store;

import dev.conversa.model.TenantId;
import java.util.List;

/** An append-only log of what the library did. Implementations are thread-safe. */
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
}
