package dev.conversa.webhook;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The signatures of recent bodies whose every event is in the inbox or left out for good, so that
 * a delivery of the same body again (Meta delivers a webhook again when it did not see the 200 in
 * time) is answered once its signature is verified, without being read again. A body is known by
 * the first 128 bits of its verified HMAC-SHA256, keyed by the app secret, so no one without the
 * secret can make two bodies share one, and it says nothing of what the body holds.
 *
 * <p>A fixed table of {@value #SLOTS} slots, each holding the last body whose key falls into it:
 * remembering costs one write, and a body pushed out by another is only read again, which gives
 * the same answer (its events are found in the inbox, or are stale). For the same reason nothing
 * expires: a body remembered here would be answered 200 without storing anything at any later
 * time. Thread-safe.
 */
final class RecentBodies {

    static final int SLOTS = 1 << 16;

    private final AtomicReferenceArray<Key> slots = new AtomicReferenceArray<>(SLOTS);

    /**
     * The key of a body by its verified signature.
     *
     * @param signature the HMAC-SHA256 of the body, at least 16 bytes
     * @return the key
     */
    static Key keyOf(byte[] signature) {
        return new Key(longAt(signature, 0), longAt(signature, 8));
    }

    boolean contains(Key body) {
        return body.equals(slots.get(slot(body)));
    }

    void add(Key body) {
        slots.lazySet(slot(body), body);
    }

    void clear() {
        for (int i = 0; i < SLOTS; i++) {
            slots.set(i, null);
        }
    }

    private static int slot(Key body) {
        return (int) body.low() & (SLOTS - 1);
    }

    private static long longAt(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = value << 8 | (bytes[i] & 0xff);
        }
        return value;
    }

    /** The first 128 bits of a body's signature. */
    record Key(long high, long low) {
    }
}
