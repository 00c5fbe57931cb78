package dev.conversa;

import dev.conversa.observe.ConversaObserver;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * How busy the webhook endpoint is, so that the work loops give it precedence: a webhook is only
 * acknowledged once its events are committed, and Meta delivers again when answers are slow, so
 * under overload the acknowledgements go first and the replies wait.
 *
 * <p>The measure is the number of webhook calls in flight on average over the last window
 * (Little's law: the time the calls answered in the window took, added up, over the window's
 * length); calls refused with a 4xx do not count. Calls that arrive now and then, however slow
 * the database, seldom overlap; calls that queue behind each other for the processors or the
 * commit add up to many in flight. The endpoint is {@linkplain #busy() busy} from as many calls
 * in flight on average as the machine has processors.
 *
 * <p>Thread-safe: calls are counted on the request threads and read by the work loops.
 */
final class IntakeLoad implements ConversaObserver {

    /** A load that is never busy: for loops that run without a webhook endpoint beside them. */
    static final IntakeLoad NEVER_BUSY = new IntakeLoad(Duration.ofMillis(100), Double.POSITIVE_INFINITY,
            System::nanoTime);

    private final long window;
    private final double busyInFlight;
    private final LongSupplier nanoTime;
    private final LongAdder current = new LongAdder();
    private final Object rotation = new Object();
    private volatile long currentStart;
    /** The calls' time of the window before the current one; 0 when that window had none. */
    private volatile long previousSum;

    /**
     * Creates the measure.
     *
     * @param window the window the average is over
     * @param busyInFlight the calls in flight on average from which the endpoint is busy
     * @param nanoTime the clock of {@link System#nanoTime()}'s kind
     */
    IntakeLoad(Duration window, double busyInFlight, LongSupplier nanoTime) {
        this.window = window.toNanos();
        this.busyInFlight = busyInFlight;
        this.nanoTime = nanoTime;
        this.currentStart = nanoTime.getAsLong();
    }

    /** Busy from as many calls in flight as the machine has processors, averaged over 100 ms. */
    static IntakeLoad forThisMachine() {
        return new IntakeLoad(Duration.ofMillis(100), Runtime.getRuntime().availableProcessors(), System::nanoTime);
    }

    /**
     * Counts a call's time, unless it was refused (4xx): a flood of unsigned or oversized calls
     * must not slow the replies down.
     */
    @Override
    public void webhookAnswered(int status, Duration latency) {
        if (status >= 400 && status < 500) {
            return;
        }
        rotate(nanoTime.getAsLong());
        current.add(latency.toNanos());
    }

    /**
     * This load's clock, which the work loops time their pauses with.
     *
     * @return nanoseconds from an arbitrary origin
     */
    long now() {
        return nanoTime.getAsLong();
    }

    /**
     * Whether the webhook endpoint is busy: the calls answered in the last full window, or already
     * in the one under way, add up to the threshold's number in flight.
     *
     * @return true while the work loops should leave the machine to the endpoint
     */
    boolean busy() {
        if (busyInFlight == Double.POSITIVE_INFINITY) {
            return false;
        }
        rotate(nanoTime.getAsLong());
        double threshold = busyInFlight * window;
        return previousSum >= threshold || current.sum() >= threshold;
    }

    /** Starts a new window when the current one is over; a gap of more than one leaves nothing. */
    private void rotate(long now) {
        if (now - currentStart < window) {
            return;
        }
        synchronized (rotation) {
            long start = currentStart;
            if (now - start < window) {
                return;
            }
            long sum = current.sumThenReset();
            boolean adjacent = now - start < 2 * window;
            previousSum = adjacent ? sum : 0;
            currentStart = adjacent ? start + window : now;
        }
    }
}
