package dev.conversa.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it, so tests never sleep.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at("2026-01-01T10:00:00Z");
 * clock.advance(Duration.ofSeconds(30));
 * }</pre>
 *
 * <p>Thread-safe: every view made with {@link #withZone} shares the same time.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * Creates a clock in UTC standing at an instant.
     *
     * @param start the time to show
     * @return the clock
     */
    public static MutableClock at(Instant start) {
        return new MutableClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    /**
     * Creates a clock in UTC standing at an ISO-8601 instant such as {@code 2026-01-01T10:00:00Z}.
     *
     * @param start the time to show
     * @return the clock
     */
    public static MutableClock at(String start) {
        return at(Instant.parse(start));
    }

    /**
     * Moves the clock forward (or back, with a negative duration).
     *
     * @param duration how far
     * @return the new time
     */
    public Instant advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        return now.updateAndGet(t -> t.plus(duration));
    }

    /**
     * Sets the clock to an instant.
     *
     * @param instant the time to show
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(now, Objects.requireNonNull(newZone, "zone"));
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + ", " + zone + "]";
    }
}
