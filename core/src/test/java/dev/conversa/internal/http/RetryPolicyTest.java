package dev.conversa.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.conversa.time.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    private final List<Duration> waited = new ArrayList<>();
    private final Sleeper recording = waited::add;

    private RetryPolicy policy(double jitter) {
        return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(2), recording, () -> jitter);
    }

    @Test
    void ceilingDoublesFromInitialBackoffUpToTheCap() {
        RetryPolicy policy = policy(0.5);

        assertThat(List.of(policy.ceiling(1), policy.ceiling(2), policy.ceiling(3), policy.ceiling(4), policy.ceiling(99)))
                .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                        Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void fullJitterPicksFractionOfTheCeiling() {
        assertThat(policy(0.0).backoff(3)).isEqualTo(Duration.ZERO);
        assertThat(policy(0.25).backoff(3)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy(0.9999).backoff(3)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void readsRetryAfterSeconds() {
        assertThat(RetryPolicy.parseRetryAfter(" 7 ", NOON)).contains(Duration.ofSeconds(7));
    }

    @Test
    void readsRetryAfterHttpDate() {
        assertThat(RetryPolicy.parseRetryAfter("Mon, 23 Nov 2026 12:00:30 GMT", NOON)).contains(Duration.ofSeconds(30));
    }

    @Test
    void readsRetryAfterDateInThePastAsZero() {
        assertThat(RetryPolicy.parseRetryAfter("Mon, 23 Nov 2026 11:00:00 GMT", NOON)).contains(Duration.ZERO);
    }

    @Test
    void ignoresUnreadableRetryAfter() {
        assertThat(RetryPolicy.parseRetryAfter("soon", NOON)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter(null, NOON)).isEmpty();
    }

    @Test
    void knownMetaCodeDecidesOverHttpStatus() {
        assertThat(RetryPolicy.isRetryable(400, 2)).isTrue();
        assertThat(RetryPolicy.isRetryable(500, 190)).isFalse();
    }

    @Test
    void unknownMetaCodeFallsBackToHttpStatus() {
        assertThat(RetryPolicy.isRetryable(500, 131000)).isTrue();
        assertThat(RetryPolicy.isRetryable(400, 131000)).isFalse();
    }

    @Test
    void waitsBetweenAttemptsAndReturnsFirstSuccess() {
        AtomicInteger calls = new AtomicInteger();

        String result = policy(1.0).execute(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("busy");
            }
            return "done";
        }, IllegalStateException.class, e -> true, e -> Optional.empty());

        assertThat(result).isEqualTo("done");
        assertThat(waited).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void passesOtherExceptionTypesThroughWithoutRetry() {
        AtomicInteger calls = new AtomicInteger();

        assertThatIllegalStateException().isThrownBy(() -> policy(1.0).execute(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("other");
        }, UnsupportedOperationException.class, e -> true, e -> Optional.empty()));

        assertThat(calls).hasValue(1);
        assertThat(waited).isEmpty();
    }

    @Test
    void usesServerDelayInsteadOfBackoff() {
        AtomicInteger calls = new AtomicInteger();

        policy(1.0).execute(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("slow down");
            }
            return "done";
        }, IllegalStateException.class, e -> true, e -> Optional.of(Duration.ofMillis(1500)));

        assertThat(waited).containsExactly(Duration.ofMillis(1500));
    }
}
