package dev.conversa.store.memory;

import dev.conversa.internal.store.StoreArguments;
import dev.conversa.model.TenantId;
import dev.conversa.store.AuditEvent;
import dev.conversa.store.AuditLog;
import dev.conversa.store.PurgeScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** Audit events in the order they were recorded; listing sorts them newest first. */
final class InMemoryAuditLog implements AuditLog {

    private final List<AuditEvent> events = new ArrayList<>();

    @Override
    public synchronized void record(AuditEvent event) {
        events.add(Objects.requireNonNull(event, "event"));
    }

    @Override
    public synchronized List<AuditEvent> list(TenantId tenant, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        StoreArguments.requireLimit(limit);
        List<AuditEvent> ofTenant = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).tenant().equals(tenant)) {
                ofTenant.add(events.get(i));
            }
        }
        ofTenant.sort(Comparator.comparing(AuditEvent::at).reversed());
        return ofTenant.stream().limit(limit).toList();
    }

    @Override
    public synchronized int purge(PurgeScope scope, Instant cutoff, int limit) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(cutoff, "cutoff");
        StoreArguments.requirePurgeLimit(limit);
        List<AuditEvent> removed = events.stream()
                .filter(e -> !e.at().isAfter(cutoff) && scope.includes(e.tenant()))
                .sorted(Comparator.comparing(AuditEvent::at))
                .limit(limit)
                .toList();
        removed.forEach(e -> events.remove(e));
        return removed.size();
    }

    @Override
    public synchronized int delete(TenantId tenant, Predicate<AuditEvent> matching) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(matching, "matching");
        int before = events.size();
        events.removeIf(event -> event.tenant().equals(tenant) && matching.test(event));
        return before - events.size();
    }
}
