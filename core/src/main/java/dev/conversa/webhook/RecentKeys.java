package dev.conversa.webhook;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Keys seen recently, in a fixed table: each slot holds the last key that fell into it. Adding
 * costs one write and no allocation, and nothing expires or is evicted by bookkeeping; a key
 * pushed out by another is merely not found. So it suits what a miss only makes slower, never
 * wrong: the webhook handler's front-line duplicate checks, behind which the inbox's unique key
 * decides. Thread-safe; a key added by one thread may be seen by another a moment later.
 *
 * @param <K> the keys, with {@code equals} and a well-spread {@code hashCode}
 */
final class RecentKeys<K> {

    private final AtomicReferenceArray<K> slots;
    private final int mask;

    /**
     * Creates an empty table.
     *
     * @param slots how many keys it holds at most, a power of two
     */
    RecentKeys(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, was " + slots);
        }
        this.slots = new AtomicReferenceArray<>(slots);
        this.mask = slots - 1;
    }

    boolean contains(K key) {
        return key.equals(slots.get(slot(key)));
    }

    void add(K key) {
        slots.lazySet(slot(key), key);
    }

    void clear() {
        for (int i = 0; i < slots.length(); i++) {
            slots.set(i, null);
        }
    }

    private int slot(K key) {
        int hash = key.hashCode();
        return (hash ^ hash >>> 16) & mask;
    }
}
