package dev.conversa.store.memory;

import dev.conversa.internal.store.StoreArguments;
import dev.conversa.model.TenantId;
import dev.conversa.store.ErasureEntry;
import dev.conversa.store.ErasureLedger;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The erasure ledger keyed by tenant and hash. */
final class InMemoryErasureLedger implements ErasureLedger {

    private final Map<TenantId, Map<String, ErasureEntry>> byTenant = new TreeMap<>(
            Comparator.comparing(TenantId::value));

    @Override
    public synchronized void record(ErasureEntry entry) {
        Objects.requireNonNull(entry, "entry");
        byTenant.computeIfAbsent(entry.tenant(), t -> new TreeMap<>()).merge(entry.keyHash(), entry,
                (stored, next) -> next.erasedAt().isBefore(stored.erasedAt())
                        ? new ErasureEntry(next.tenant(), next.keyHash(), stored.erasedAt(), next.counts()) : next);
    }

    @Override
    public synchronized Map<String, Instant> erasedAt(TenantId tenant, Collection<String> keyHashes) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(keyHashes, "keyHashes");
        Map<String, ErasureEntry> entries = byTenant.getOrDefault(tenant, Map.of());
        Map<String, Instant> found = new LinkedHashMap<>();
        for (String hash : keyHashes) {
            ErasureEntry entry = entries.get(hash);
            if (entry != null) {
                found.put(hash, entry.erasedAt());
            }
        }
        return found;
    }

    @Override
    public synchronized List<ErasureEntry> list(TenantId tenant, int offset, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        StoreArguments.requireLimit(limit);
        StoreArguments.requireLimit(offset);
        return byTenant.getOrDefault(tenant, Map.of()).values().stream().skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized List<TenantId> tenants() {
        return List.copyOf(byTenant.keySet());
    }
}
