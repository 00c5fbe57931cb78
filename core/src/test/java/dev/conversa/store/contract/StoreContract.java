package dev.conversa.store.contract;

import dev.conversa.store.Stores;
import dev.conversa.testsupport.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of every store contract suite: fresh stores per test and a clock tests move by hand.
 * Tests pass time to the stores through the SPI's {@code now} arguments, read from {@link #clock}.
 */
public abstract class StoreContract {

    /** The start of every test's clock. */
    protected static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    /** The clock given to {@link #createStores}; tests advance it. */
    protected final MutableClock clock = MutableClock.at(START);

    /** The stores under test, fresh for each test. */
    protected Stores stores;

    /**
     * Creates fresh, empty stores for one test. Called before each test, before the subclass's
     * own {@code @BeforeEach} methods, so create any database or schema here; close it in an
     * {@code @AfterEach} method of the subclass.
     *
     * @param clock the test's clock, for implementations that read the time themselves
     * @return the stores under test
     */
    protected abstract Stores createStores(Clock clock);

    @BeforeEach
    final void createFreshStores() {
        stores = createStores(clock);
    }

    /**
     * The current test time.
     *
     * @return the clock's instant
     */
    protected Instant now() {
        return clock.instant();
    }

    /**
     * A time relative to the current test time.
     *
     * @param seconds how many seconds from now, may be negative
     * @return the instant
     */
    protected Instant inSeconds(long seconds) {
        return clock.instant().plus(Duration.ofSeconds(seconds));
    }
}
