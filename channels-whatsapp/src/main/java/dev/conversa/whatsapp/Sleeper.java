package dev.conversa.whatsapp;

import java.time.Duration;

/**
 * Waits, so that tests can replace waiting with advancing a fake clock. Implementations must be
 * thread-safe.
 *
 * <pre>{@code
 * WhatsAppChannel channel = WhatsAppChannel.builder().clock(clock).sleeper(clock::advance).build();
 * }</pre>
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for the duration.
     *
     * @param duration how long, never negative
     * @throws InterruptedException if the thread was interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * The sleeper that blocks the calling thread.
     *
     * @return the sleeper
     */
    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
    }
}
