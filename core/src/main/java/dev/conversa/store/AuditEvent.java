package dev.conversa.store;

import dev.conversa.model.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something the library did that a business may have to account for: an erasure, a handoff,
 * a consent change, a purge. Holds no personal data, so it survives erasure.
 *
 * @param tenant the business
 * @param at when
 * @param action what, such as {@code "erasure"}
 * @param details facts by name, never personal data (counts, request ids, states)
 */
public record AuditEvent(TenantId tenant, Instant at, String action, Map<String, String> details) {

    /** Checks the fields and copies the map. */
    public AuditEvent {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        details = Map.copyOf(details);
    }
}
