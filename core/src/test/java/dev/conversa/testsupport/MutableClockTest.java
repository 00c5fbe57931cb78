package dev.conversa.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MutableClockTest {

    @Test
    void standsStillUntilAdvanced() {
        MutableClock clock = MutableClock.at("2026-01-05T09:00:00Z");

        Instant later = clock.advance(Duration.ofSeconds(90));

        assertThat(later).isEqualTo(Instant.parse("2026-01-05T09:01:30Z"));
        assertThat(clock.instant()).isEqualTo(later);
    }

    @Test
    void canBeSetToAnyInstant() {
        MutableClock clock = MutableClock.at("2026-01-05T09:00:00Z");

        clock.set(Instant.parse("2025-12-31T23:59:59Z"));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2025-12-31T23:59:59Z"));
    }

    @Test
    void aViewInAnotherZoneSharesTheTime() {
        MutableClock clock = MutableClock.at("2026-01-05T09:00:00Z");
        Clock berlin = clock.withZone(ZoneId.of("Europe/Berlin"));

        clock.advance(Duration.ofMinutes(5));

        assertThat(berlin.instant()).isEqualTo(Instant.parse("2026-01-05T09:05:00Z"));
        assertThat(berlin.getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }
}
