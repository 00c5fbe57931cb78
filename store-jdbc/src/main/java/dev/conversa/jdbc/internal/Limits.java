package dev.conversa.jdbc.internal;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the stores. */
final class Limits {

    private Limits() {}

    static int requireLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return limit;
    }

    static void requireClaim(int max, Duration lease) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1: " + max);
        }
        if (Objects.requireNonNull(lease, "lease").isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive: " + lease);
        }
    }
}
