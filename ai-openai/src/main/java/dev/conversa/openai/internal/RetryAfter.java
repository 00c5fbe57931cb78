package dev.conversa.openai.internal;

import dev.conversa.internal.http.RetryPolicy;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads how long a server asks us to wait: {@code retry-after-ms} (milliseconds, sent by
 * OpenAI) when present, else {@code Retry-After} in seconds or as an HTTP date.
 */
final class RetryAfter {

    private RetryAfter() {}

    static Optional<Duration> parse(HttpHeaders headers, Clock clock) {
        Optional<Duration> millis = headers.firstValue("retry-after-ms").flatMap(RetryAfter::millis);
        return millis.or(() -> RetryPolicy.parseRetryAfter(headers.firstValue("retry-after").orElse(null), clock));
    }

    private static Optional<Duration> millis(String value) {
        String trimmed = value.trim();
        if (trimmed.isEmpty() || trimmed.length() > 9 || !trimmed.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Long.parseLong(trimmed)));
    }
}
