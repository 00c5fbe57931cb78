package dev.conversa.store.memory;

import dev.conversa.internal.store.StoreArguments;
import dev.conversa.model.TenantId;
import dev.conversa.store.DeletionRequest;
import dev.conversa.store.DeletionRequestStore;
import dev.conversa.store.DeletionStatus;
import dev.conversa.store.PurgeScope;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Deletion requests by confirmation code, which is unique across tenants. */
final class InMemoryDeletionRequestStore implements DeletionRequestStore {

    private final Map<String, DeletionRequest> byCode = new LinkedHashMap<>();

    @Override
    public synchronized boolean record(DeletionRequest request) {
        Objects.requireNonNull(request, "request");
        return byCode.putIfAbsent(request.confirmationCode(), request) == null;
    }

    @Override
    public synchronized Optional<DeletionRequest> find(TenantId tenant, String confirmationCode) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(confirmationCode, "confirmationCode");
        return Optional.ofNullable(byCode.get(confirmationCode)).filter(request -> request.tenant().equals(tenant));
    }

    @Override
    public synchronized Optional<DeletionRequest> updateStatus(TenantId tenant, String confirmationCode,
            DeletionStatus status, Instant now) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(now, "now");
        Optional<DeletionRequest> updated = find(tenant, confirmationCode).map(r -> r.withStatus(status, now));
        updated.ifPresent(request -> byCode.put(confirmationCode, request));
        return updated;
    }

    @Override
    public synchronized Optional<DeletionRequest> complete(TenantId tenant, String confirmationCode,
            Map<String, Integer> counts, Instant now) {
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(now, "now");
        Optional<DeletionRequest> updated = find(tenant, confirmationCode)
                .map(r -> r.withStatus(DeletionStatus.DONE, now).withCounts(counts));
        updated.ifPresent(request -> byCode.put(confirmationCode, request));
        return updated;
    }

    @Override
    public synchronized List<TenantId> pendingTenants() {
        return byCode.values().stream().filter(r -> r.status().isPending()).map(DeletionRequest::tenant).distinct()
                .toList();
    }

    @Override
    public synchronized List<DeletionRequest> listPending(TenantId tenant, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        StoreArguments.requireLimit(limit);
        return byCode.values().stream()
                .filter(request -> request.tenant().equals(tenant) && request.status().isPending())
                .sorted(Comparator.comparing(DeletionRequest::requestedAt))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<DeletionRequest> listBySubject(TenantId tenant, String subject) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(subject, "subject");
        return byCode.values().stream()
                .filter(request -> request.tenant().equals(tenant) && request.subject().equals(subject))
                .sorted(Comparator.comparing(DeletionRequest::requestedAt)
                        .thenComparing(DeletionRequest::confirmationCode))
                .toList();
    }

    @Override
    public synchronized int purgeDone(PurgeScope scope, Instant cutoff, int limit) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(cutoff, "cutoff");
        StoreArguments.requirePurgeLimit(limit);
        List<String> removed = byCode.values().stream()
                .filter(r -> r.status() == DeletionStatus.DONE && !r.updatedAt().isAfter(cutoff)
                        && scope.includes(r.tenant()))
                .limit(limit)
                .map(DeletionRequest::confirmationCode)
                .toList();
        removed.forEach(byCode::remove);
        return removed.size();
    }

    @Override
    public synchronized int replaceSubject(TenantId tenant, String subject, String replacement) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(replacement, "replacement");
        int changed = 0;
        for (Map.Entry<String, DeletionRequest> entry : byCode.entrySet()) {
            DeletionRequest request = entry.getValue();
            if (request.tenant().equals(tenant) && request.subject().equals(subject)) {
                entry.setValue(request.withSubject(replacement));
                changed++;
            }
        }
        return changed;
    }
}
