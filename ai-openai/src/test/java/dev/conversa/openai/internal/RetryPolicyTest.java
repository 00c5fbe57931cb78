package dev.conversa.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(10));

    @ParameterizedTest
    @CsvSource({"429, true", "500, true", "502, true", "503, true", "408, true", "400, false", "401, false",
            "403, false", "404, false", "422, false"})
    void retriesOnlyWhatMaySucceedLater(int status, boolean retryable) {
        assertThat(RetryPolicy.isRetryable(status)).isEqualTo(retryable);
    }

    @Test
    void doublesTheBackoffWithEachAttempt() {
        assertThat(policy.delay(0, Optional.empty(), () -> 0.999)).contains(Duration.ofMillis(499));
        assertThat(policy.delay(1, Optional.empty(), () -> 0.0)).contains(Duration.ofMillis(500));
    }

    @Test
    void capsTheBackoff() {
        assertThat(policy.delay(10, Optional.empty(), () -> 0.999)).contains(Duration.ofMillis(1999));
    }

    @Test
    void usesTheServersWaitInsteadOfTheBackoff() {
        assertThat(policy.delay(0, Optional.of(Duration.ofSeconds(7)), () -> 0.5)).contains(Duration.ofSeconds(7));
    }

    @Test
    void givesUpWhenTheServerAsksForMoreThanAllowed() {
        assertThat(policy.delay(0, Optional.of(Duration.ofSeconds(11)), () -> 0.5)).isEmpty();
    }

    @Test
    void rejectsNegativeRetries() {
        assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxRetries must not be negative");
    }
}
