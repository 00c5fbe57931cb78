package dev.conversa.time;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Sleeper} for tests: records every delay asked for and returns at once, so backoff is
 * asserted instead of waited for. Thread-safe.
 */
public final class RecordingSleeper implements Sleeper {

    private final List<Duration> delays = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        delays.add(duration);
    }

    /**
     * The delays asked for so far, in order.
     *
     * @return a snapshot of the delays
     */
    public List<Duration> delays() {
        return List.copyOf(delays);
    }
}
