package dev.conversa.internal.privacy;

import dev.conversa.model.InboundEvent;
import dev.conversa.model.TenantId;
import dev.conversa.store.ErasureLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Keeps erased people erased: webhook intake drops an event of a person whose id is in the
 * erasure ledger when the event happened before the erasure (a redelivery, or an old event still
 * in Meta's queue), the pipeline skips such an event already in the inbox, and erases again what
 * an event in flight during the erasure wrote. A person who writes again after the erasure
 * starts afresh. Caches that hold ids (the intake's front cache of recent events) register to be
 * emptied on every erasure.
 *
 * <p><b>Internal:</b> public only because the webhook, pipeline and privacy packages share it.
 * Thread-safe.
 */
public final class ErasureGuard {

    private final ErasureLedger ledger;
    private final KeyedHash hash;
    private final List<Runnable> caches = new CopyOnWriteArrayList<>();
    private volatile BiConsumer<TenantId, InboundEvent> eraser = (tenant, event) -> { };

    /**
     * Creates the guard.
     *
     * @param ledger the erasure ledger
     * @param hash the keyed hash under the deployment's pepper
     */
    public ErasureGuard(ErasureLedger ledger, KeyedHash hash) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.hash = Objects.requireNonNull(hash, "hash");
    }

    /**
     * The events whose person was not erased after they happened.
     *
     * @param tenant the business
     * @param events events of that tenant
     * @return the events to keep, in order
     */
    public List<InboundEvent> keepNotErased(TenantId tenant, List<InboundEvent> events) {
        if (events.isEmpty()) {
            return events;
        }
        Set<String> hashes = new LinkedHashSet<>();
        for (InboundEvent event : events) {
            hashes.add(hashOf(event));
        }
        Map<String, Instant> erased = ledger.erasedAt(tenant, hashes);
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
        return keepNotErased(tenant, List.of(event)).isEmpty();
    }

    /**
     * Registers a cache to empty on every erasure.
     *
     * @param clear empties the cache
     */
    public void onErasure(Runnable clear) {
        caches.add(Objects.requireNonNull(clear, "clear"));
    }

    /** Empties every registered cache; called by each erasure. */
    public void erased() {
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
