package dev.conversa.webhook;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * 128-bit keys seen recently, in a fixed table: each slot holds the last key that fell into it.
 * Adding costs two writes to one cache line and no allocation, and nothing expires or is evicted
 * by bookkeeping; a key pushed out by another is merely not found. So it suits what a miss only
 * makes slower: the webhook handler's memory of bodies whose events are stored, behind which the
 * inbox's unique key decides. Thread-safe; a key added by one thread may be seen by another a
 * moment later.
 *
 * <p>The table holds numbers, not objects: a long-lived table of references made every add store
 * a young object into an old array (the collector's write barrier, on the webhook thread) and
 * every lookup read the object a slot points to (a cache miss), and the collector copied the keys
 * between survivor spaces until they were promoted. The keys must be uniformly spread, as the
 * first 128 bits of a verified HMAC are: two different keys are then taken as one with a chance
 * of 2<sup>-128</sup>.
 */
final class RecentKeys {

    // slot i at 2i (high) and 2i + 1 (low); an empty slot reads (0, 0)
    private final AtomicLongArray table;
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
        this.table = new AtomicLongArray(2 * slots);
        this.mask = slots - 1;
    }

    // a reader racing a writer may see one key's high half with another's low half: a miss, unless
    // the mix equals the key looked up, which is as likely as any other pair of keys being equal
    boolean contains(long high, long low) {
        int at = 2 * slot(low);
        return table.get(at + 1) == low && table.get(at) == high;
    }

    void add(long high, long low) {
        int at = 2 * slot(low);
        table.lazySet(at, high);
        table.lazySet(at + 1, low);
    }

    void clear() {
        for (int i = 0; i < table.length(); i++) {
            table.set(i, 0);
        }
    }

    private int slot(long low) {
        return (int) (low ^ low >>> 32) & mask;
    }
}
