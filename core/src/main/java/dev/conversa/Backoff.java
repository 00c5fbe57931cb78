package dev.conversa;

import java.time.Duration;

/**
 * Exponential backoff between attempts: {@code base * 2^(attempt - 1)}, capped.
 *
 * @param base the delay after the first failed attempt
 * @param cap the longest delay
 */
record Backoff(Duration base, Duration cap) {

    Duration after(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }
}
