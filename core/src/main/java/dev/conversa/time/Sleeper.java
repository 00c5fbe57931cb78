package dev.conversa.time;

import java.time.Duration;

/**
 * Waits between retries. The seam exists so that tests record the delays instead of waiting
 * them out; production code uses {@link #system()}.
 *
 * <pre>{@code
 * List<Duration> waited = new CopyOnWriteArrayList<>();
 * GraphClient graph = GraphClient.builder().sleeper(waited::add).build();
 * }</pre>
 *
 * <p>Implementations must be thread-safe: one client retries many calls at once.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for the given time.
     *
     * @param duration how long to wait, never negative
     * @throws InterruptedException if the waiting thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * The sleeper that really waits, with {@link Thread#sleep(long)}.
     *
     * @return the system sleeper
     */
    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
