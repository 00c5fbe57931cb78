package dev.conversa.store.memory;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Open work by conversation ("lane"), in id order within each, and the first of every lane in
 * id order across them: what an in-memory claim looks at, since a conversation's oldest open
 * entry decides for it. Not thread-safe; guarded by its store's lock.
 *
 * @param <L> the lane's key
 * @param <S> the entry
 */
final class OpenLanes<L, S> {

    private final ToLongFunction<S> id;
    private final Map<L, TreeMap<Long, S>> lanes = new HashMap<>();
    private final TreeMap<Long, S> heads = new TreeMap<>();

    OpenLanes(ToLongFunction<S> id) {
        this.id = id;
    }

    void add(L lane, S entry) {
        TreeMap<Long, S> entries = lanes.computeIfAbsent(lane, ignored -> new TreeMap<>());
        entries.put(id.applyAsLong(entry), entry);
        if (entries.firstEntry().getValue() == entry) {
            if (entries.size() > 1) {
                heads.remove(entries.higherKey(id.applyAsLong(entry)));
            }
            heads.put(id.applyAsLong(entry), entry);
        }
    }

    void remove(L lane, S entry) {
        TreeMap<Long, S> entries = lanes.get(lane);
        long key = id.applyAsLong(entry);
        if (entries == null || entries.remove(key) == null) {
            return;
        }
        if (heads.remove(key) != null && !entries.isEmpty()) {
            heads.put(entries.firstKey(), entries.firstEntry().getValue());
        }
        if (entries.isEmpty()) {
            lanes.remove(lane);
        }
    }

    /** The lane's first open entry, or null. */
    S head(L lane) {
        TreeMap<Long, S> entries = lanes.get(lane);
        return entries == null ? null : entries.firstEntry().getValue();
    }

    /** The lane's open entries in id order; read-only. */
    Collection<S> of(L lane) {
        TreeMap<Long, S> entries = lanes.get(lane);
        return entries == null ? Collections.emptyList() : Collections.unmodifiableCollection(entries.values());
    }

    /** Every lane's first open entry, in id order; read-only. */
    Collection<S> heads() {
        return Collections.unmodifiableCollection(heads.values());
    }
}
