package dev.conversa.internal.http;

import dev.conversa.time.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one retry policy of Conversa's HTTP clients: which failures are worth another try, how
 * long to wait, and the bounded retry loop.
 *
 * <p>Reads (GET) are retried here. Sends are not: Meta's Send API has no idempotency key, so a
 * send is tried once and its failure classified ({@link #isRefusedUndone}: safe for the outbox
 * to try again later; {@link #mayHaveTakenEffect}: outcome unknown, never repeated); the outbox
 * is the one retry layer for sends.
 *
 * <ul>
 *   <li>Retryable: HTTP 408, 429 and 5xx, I/O errors and timeouts (callers classify those), and
 *       Meta's throttling and temporary error codes (1, 2, 4, 17, 32, 613, 1200, 80007, 130429,
 *       131056, 131057). Meta's permanent codes (10, 100, 190, 200-299, 368, 551, 131026,
 *       131047, 131048, 2018218, 2018278) are never retried, whatever the HTTP status.
 *   <li>Backoff: exponential with full jitter, a random delay in
 *       {@code [0, min(maxBackoff, initialBackoff * 2^(retry-1))]}.
 *   <li>{@code Retry-After}: when the failure carries one, that delay is waited instead; when it
 *       is longer than {@code maxBackoff} the loop gives up at once and lets the failure (which
 *       carries the delay) reach the caller, who can schedule the work for later.
 * </ul>
 *
 * <p>Reuse from another module (conversa-openai): build one with
 * {@link #of(int, Duration, Duration, Sleeper)}, classify HTTP statuses with
 * {@link #isRetryableStatus(int)}, read headers with {@link #parseRetryAfter(String, Clock)},
 * and wrap one attempt in {@link #execute(Supplier, Class, Predicate, Function)} with the
 * module's own exception type.
 *
 * <p><b>Internal:</b> not API. Immutable and thread-safe.
 */
public final class RetryPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);

    private static final Set<Integer> RETRYABLE_CODES =
            Set.of(1, 2, 4, 17, 32, 613, 1200, 80007, 130429, 131056, 131057);
    /**
     * Meta's answers that say a call was refused before anything was done: throttling (4 app,
     * 17 user, 32 Page, 613 rate, 80007 Messenger/Instagram, 130429 throughput, 131056 pair
     * rate) and 131057 (account in maintenance mode).
     */
    private static final Set<Integer> REFUSED_UNDONE_CODES = Set.of(4, 17, 32, 613, 80007, 130429, 131056, 131057);
    /**
     * Meta's answers to a send that may come after it acted: unknown error (1), temporary
     * unavailability (2, 1200) and WhatsApp's "something went wrong" (131000).
     */
    private static final Set<Integer> MAY_HAVE_ACTED_CODES = Set.of(1, 2, 1200, 131000);
    private static final Set<Integer> PERMANENT_CODES =
            Set.of(10, 100, 190, 368, 551, 131026, 131047, 131048, 2018218, 2018278);

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;

    /**
     * Creates a policy.
     *
     * @param maxAttempts attempts in all, at least 1
     * @param initialBackoff the ceiling of the first retry's delay, positive
     * @param maxBackoff the ceiling of any delay, not below {@code initialBackoff}
     * @param sleeper waits between attempts
     * @param jitter returns values in {@code [0, 1)}; the fraction of the ceiling to wait
     * @throws IllegalArgumentException if a bound is out of range
     */
    public RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Sleeper sleeper,
            DoubleSupplier jitter) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("initialBackoff must be positive");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must not be below initialBackoff");
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
    }

    /**
     * Creates a policy with random jitter.
     *
     * @param maxAttempts attempts in all, at least 1
     * @param initialBackoff the ceiling of the first retry's delay
     * @param maxBackoff the ceiling of any delay
     * @param sleeper waits between attempts
     * @return the policy
     */
    public static RetryPolicy of(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Sleeper sleeper) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, sleeper,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Whether an HTTP status is worth another try: 408, 429 and 5xx.
     *
     * @param status the HTTP status
     * @return true if retryable
     */
    public static boolean isRetryableStatus(int status) {
        return status == 408 || status == 429 || (status >= 500 && status <= 599);
    }

    /**
     * Whether a Graph API error is worth another try. Meta's code decides when it is a known
     * one; otherwise the HTTP status does.
     *
     * @param status the HTTP status
     * @param graphCode Meta's error code, null when the body had none
     * @return true if retryable
     */
    public static boolean isRetryable(int status, Integer graphCode) {
        if (graphCode != null) {
            if (PERMANENT_CODES.contains(graphCode) || (graphCode >= 200 && graphCode <= 299)) {
                return false;
            }
            if (RETRYABLE_CODES.contains(graphCode)) {
                return true;
            }
        }
        return isRetryableStatus(status);
    }

    /**
     * Whether a failed call that is not safe to repeat (a send) may still be repeated because
     * the answer proves nothing was done: HTTP 429, or one of Meta's throttling codes.
     *
     * @param status the HTTP status
     * @param graphCode Meta's error code, null when the body had none
     * @return true if repeating cannot do twice what the call did
     */
    public static boolean isRefusedUndone(int status, Integer graphCode) {
        if (graphCode != null && (PERMANENT_CODES.contains(graphCode) || (graphCode >= 200 && graphCode <= 299))) {
            return false;
        }
        return status == 429 || (graphCode != null && REFUSED_UNDONE_CODES.contains(graphCode));
    }

    /**
     * Whether a failed call that is not safe to repeat (a send) may have taken effect anyway:
     * a server error (5xx), a timeout status (408) or one of Meta's codes that can come after
     * it acted (1, 2, 1200, 131000); unless the answer proves nothing was done or names a
     * permanent refusal.
     *
     * @param status the HTTP status
     * @param graphCode Meta's error code, null when the body had none
     * @return true if the outcome is unknown
     */
    public static boolean mayHaveTakenEffect(int status, Integer graphCode) {
        if (isRefusedUndone(status, graphCode)) {
            return false;
        }
        if (graphCode != null && (PERMANENT_CODES.contains(graphCode) || (graphCode >= 200 && graphCode <= 299))) {
            return false;
        }
        return graphCode != null && MAY_HAVE_ACTED_CODES.contains(graphCode) || status == 408 || status >= 500;
    }

    /**
     * Reads a {@code Retry-After} header: delay seconds or an HTTP date.
     *
     * @param value the header value, may be null
     * @param clock the clock that says now, for dates
     * @return the delay (zero for a date in the past), empty when absent or unreadable
     */
    public static Optional<Duration> parseRetryAfter(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            return trimmed.length() > 9 ? Optional.empty() : Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
        }
        try {
            Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration delay = Duration.between(clock.instant(), at);
            return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The largest delay before a retry, before jitter.
     *
     * @param retry the retry number, 1 for the first retry
     * @return {@code min(maxBackoff, initialBackoff * 2^(retry-1))}
     */
    public Duration ceiling(int retry) {
        int doublings = Math.max(0, retry - 1);
        if (doublings >= 62) {
            return maxBackoff;
        }
        long factor = 1L << doublings;
        long millis = initialBackoff.toMillis();
        if (millis > Long.MAX_VALUE / factor) {
            return maxBackoff;
        }
        Duration grown = Duration.ofMillis(millis * factor);
        return grown.compareTo(maxBackoff) > 0 ? maxBackoff : grown;
    }

    /**
     * The delay before a retry: full jitter under {@link #ceiling(int)}.
     *
     * @param retry the retry number, 1 for the first retry
     * @return a delay in {@code [0, ceiling(retry)]}
     */
    public Duration backoff(int retry) {
        long ceilingMillis = ceiling(retry).toMillis();
        double fraction = Math.min(1.0, Math.max(0.0, jitter.getAsDouble()));
        return Duration.ofMillis(Math.round(fraction * ceilingMillis));
    }

    /**
     * Runs an attempt until it succeeds, fails for good, or the attempts are used up. Failures
     * of {@code failureType} are classified; any other exception passes through at once. If the
     * waiting thread is interrupted, the last failure is thrown with the interruption suppressed
     * and the thread's interrupt flag set again.
     *
     * @param attempt one try of the call
     * @param failureType the exception type the attempt throws for a failed call
     * @param retryable whether a failure is worth another try
     * @param retryAfter the delay the server asked for, when it did
     * @param <T> the result type
     * @param <E> the failure type
     * @return the first successful result
     * @throws RuntimeException the last failure when no attempt succeeded
     */
    public <T, E extends RuntimeException> T execute(Supplier<T> attempt, Class<E> failureType,
            Predicate<? super E> retryable, Function<? super E, Optional<Duration>> retryAfter) {
        for (int number = 1; ; number++) {
            try {
                return attempt.get();
            } catch (RuntimeException thrown) {
                if (!failureType.isInstance(thrown)) {
                    throw thrown;
                }
                E failure = failureType.cast(thrown);
                if (number >= maxAttempts || !retryable.test(failure)) {
                    throw failure;
                }
                waitBeforeRetry(number, failure, retryAfter.apply(failure));
            }
        }
    }

    private void waitBeforeRetry(int retry, RuntimeException failure, Optional<Duration> asked) {
        if (asked.isPresent() && asked.get().compareTo(maxBackoff) > 0) {
            throw failure;
        }
        Duration delay = asked.orElseGet(() -> backoff(retry));
        LOG.debug("attempt {} failed with {}, retrying in {} ms", retry, failure.getClass().getSimpleName(),
                delay.toMillis());
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(e);
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
                + ", maxBackoff=" + maxBackoff + "]";
    }
}
