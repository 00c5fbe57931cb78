package dev.conversa.webhook;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Remembers which keys were already logged, so a condition that repeats on every webhook (an
 * unknown account, an unknown object) is logged once, not once per delivery. Bounded: after
 * many distinct keys the oldest may be logged again. Thread-safe.
 */
final class LogOnce {

    private static final int MAX_KEYS = 1024;

    private final Cache<Object, Boolean> seen = Caffeine.newBuilder().maximumSize(MAX_KEYS).build();

    /** Tells whether this is the first time the key is seen, and remembers it. */
    boolean first(Object key) {
        return seen.asMap().putIfAbsent(key, Boolean.TRUE) == null;
    }
}
