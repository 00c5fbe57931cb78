package dev.conversa.openai.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to retry a call and how long to wait first: 429, 5xx and connection errors are retried
 * up to {@code maxRetries} times with exponential backoff (each wait drawn between half and all
 * of {@code initialBackoff * 2^attempt}, capped at {@code maxBackoff}); a server's
 * {@code Retry-After} replaces the backoff, unless it asks for longer than
 * {@code maxRetryAfter}, in which case the call gives up rather than hold the conversation.
 *
 * @param maxRetries retries after the first attempt, 0 or more
 * @param initialBackoff the first backoff
 * @param maxBackoff the longest backoff
 * @param maxRetryAfter the longest server-requested wait that is honoured
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    /** Checks the values. */
    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        requirePositive(maxRetryAfter, "maxRetryAfter");
    }

    /**
     * Tells whether a status is worth another attempt.
     *
     * @param status the HTTP status
     * @return true for 408, 409, 429 and 5xx
     */
    public static boolean isRetryable(int status) {
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    /**
     * The wait before the next attempt.
     *
     * @param attempt the attempt that failed, 0 for the first
     * @param retryAfter what the server asked for, when it did
     * @param random a source of numbers in [0, 1), for the jitter
     * @return the wait, or empty when the server asked for longer than {@code maxRetryAfter}
     */
    public Optional<Duration> delay(int attempt, Optional<Duration> retryAfter, DoubleSupplier random) {
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            return asked.compareTo(maxRetryAfter) > 0 ? Optional.empty() : Optional.of(asked);
        }
        long cap = maxBackoff.toMillis();
        long exponential = initialBackoff.toMillis() << Math.min(attempt, 20);
        long ceiling = Math.min(cap, exponential);
        long jittered = ceiling / 2 + (long) (random.getAsDouble() * (ceiling - ceiling / 2));
        return Optional.of(Duration.ofMillis(jittered));
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
