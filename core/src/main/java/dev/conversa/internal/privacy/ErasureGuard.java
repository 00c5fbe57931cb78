package dev.conversa.internal.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.TenantId;
import dev.conversa.store.ErasureEntry;
import dev.conversa.store.ErasureLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * Keeps erased people erased: webhook intake drops an event of a person whose id is in the
 * erasure ledger (read from a short-lived snapshot of small ledgers, so a webhook costs no
 * ledger query) when the event happened before the erasure (a redelivery, or an old event still
 * in Meta's queue), the pipeline skips such an event already in the inbox, and erases again what
 * an event in flight during the erasure wrote. A person who writes again after the erasure
 * starts afresh. Caches that hold ids (the intake's front cache of recent events) register to be
 * emptied on every erasure.
 *
 * <p><b>Internal:</b> public only because the webhook, pipeline and privacy packages share it.
 * Thread-safe.
 */
public final class ErasureGuard {

    /**
     * How long intake relies on a snapshot of a tenant's ledger. An erasure on this instance
     * drops the snapshots at once; one on another instance is seen within this time, and an
     * event appended meanwhile is still skipped by the pipeline, which always asks the ledger.
     */
    static final Duration REMEMBERED = Duration.ofSeconds(5);
    /** Ledgers longer than this are asked per webhook instead of held in memory. */
    static final int SNAPSHOT_LIMIT = 1_000;

    private final ErasureLedger ledger;
    private final KeyedHash hash;
    private final List<Runnable> caches = new CopyOnWriteArrayList<>();
    private final Cache<TenantId, Optional<Map<String, Instant>>> snapshots;
    private volatile BiConsumer<TenantId, InboundEvent> eraser = (tenant, event) -> { };

    /**
     * Creates the guard.
     *
     * @param ledger the erasure ledger
     * @param hash the keyed hash under the deployment's pepper
     */
    public ErasureGuard(ErasureLedger ledger, KeyedHash hash) {
        this(ledger, hash, Ticker.systemTicker());
    }

    ErasureGuard(ErasureLedger ledger, KeyedHash hash, Ticker ticker) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.hash = Objects.requireNonNull(hash, "hash");
        this.snapshots = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(REMEMBERED)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    /**
     * The events whose person was not erased after they happened.
     *
     * @param tenant the business
     * @param events events of that tenant
     * @return the events to keep, in order
     */
    public List<InboundEvent> keepNotErased(TenantId tenant, List<InboundEvent> events) {
        return keepNotErased(tenant, events, this::remembered);
    }

    private List<InboundEvent> keepNotErased(TenantId tenant, List<InboundEvent> events,
            BiFunction<TenantId, Set<String>, Map<String, Instant>> erasedAt) {
        if (events.isEmpty()) {
            return events;
        }
        Set<String> hashes = new LinkedHashSet<>();
        for (InboundEvent event : events) {
            hashes.add(hashOf(event));
        }
        Map<String, Instant> erased = erasedAt.apply(tenant, hashes);
        if (erased.isEmpty()) {
            return events;
        }
        List<InboundEvent> kept = new ArrayList<>(events.size());
        for (InboundEvent event : events) {
            Instant at = erased.get(hashOf(event));
            if (at == null || event.header().timestamp().isAfter(at)) {
                kept.add(event);
            }
        }
        return kept;
    }

    /**
     * Tells whether the event's person was erased after the event happened.
     *
     * @param tenant the business
     * @param event the event
     * @return true if the event must not be processed
     */
    public boolean isErased(TenantId tenant, InboundEvent event) {
        return keepNotErased(tenant, List.of(event), ledger::erasedAt).isEmpty();
    }

    /**
     * The ledger lines of these hashes, from a snapshot of the tenant's ledger taken at most
     * {@link #REMEMBERED} ago when it is small (erasures are rare: most tenants have few or none),
     * else from the ledger.
     */
    private Map<String, Instant> remembered(TenantId tenant, Set<String> hashes) {
        Optional<Map<String, Instant>> snapshot = snapshots.get(tenant, this::snapshot);
        if (snapshot.isEmpty()) {
            return ledger.erasedAt(tenant, hashes);
        }
        Map<String, Instant> found = new HashMap<>();
        for (String hash : hashes) {
            Instant at = snapshot.get().get(hash);
            if (at != null) {
                found.put(hash, at);
            }
        }
        return found;
    }

    private Optional<Map<String, Instant>> snapshot(TenantId tenant) {
        List<ErasureEntry> entries = ledger.list(tenant, 0, SNAPSHOT_LIMIT + 1);
        if (entries.size() > SNAPSHOT_LIMIT) {
            return Optional.empty();
        }
        Map<String, Instant> erasedAt = new HashMap<>();
        entries.forEach(entry -> erasedAt.merge(entry.keyHash(), entry.erasedAt(),
                (a, b) -> a.isAfter(b) ? a : b));
        return Optional.of(erasedAt);
    }

    /**
     * Registers a cache to empty on every erasure.
     *
     * @param clear empties the cache
     */
    public void onErasure(Runnable clear) {
        caches.add(Objects.requireNonNull(clear, "clear"));
    }

    /** Empties every registered cache and the ledger snapshots; called by each erasure. */
    public void erased() {
        snapshots.invalidateAll();
        caches.forEach(Runnable::run);
    }

    /**
     * Sets what erases a person again when an event of theirs was processed while they were
     * erased.
     *
     * @param again erases the event's person (tenant, event)
     */
    public void eraser(BiConsumer<TenantId, InboundEvent> again) {
        this.eraser = Objects.requireNonNull(again, "eraser");
    }

    /**
     * Erases an event's person again, after the pipeline found they were erased while it
     * processed the event.
     *
     * @param tenant the business
     * @param event the event
     */
    public void eraseAgain(TenantId tenant, InboundEvent event) {
        eraser.accept(tenant, event);
    }

    private String hashOf(InboundEvent event) {
        return hash.hash(KeyedHash.idKey(event.header().contactId()));
    }
}
