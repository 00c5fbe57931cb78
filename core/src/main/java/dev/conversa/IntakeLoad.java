package dev.conversa;

import dev.conversa.observe.ConversaObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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
 * <p>While the endpoint is busy the work loops that yield to it share one turn: one unit of work
 * at a time among them all, and after each a pause as long as the unit took, so that together
 * they work about half the time and the endpoint keeps the rest of the machine. A unit that runs
 * longer than the longest pause mostly waits, and lets another loop take a turn beside it.
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
    /** The units running in a turn of the loops (one, unless a unit held it past the longest pause). */
    private final AtomicInteger inTurn = new AtomicInteger();
    /** On this load's clock: when the newest unit running in a turn took it. */
    private volatile long turnTakenAt;
    /** On this load's clock: until when no loop takes a turn, after the last one ended. */
    private volatile long pausedUntil;
    /** Wakes each work loop that yields to this endpoint, when a turn ends. */
    private final List<Runnable> loops = new CopyOnWriteArrayList<>();
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
        this.pausedUntil = currentStart;
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

    /**
     * Registers a work loop that yields to this endpoint, woken whenever a turn ends so that it
     * may take the next one. Not for {@link #NEVER_BUSY}, which no loop yields to.
     *
     * @param wake makes the loop look for work
     */
    void register(Runnable wake) {
        if (busyInFlight != Double.POSITIVE_INFINITY) {
            loops.add(wake);
        }
    }

    /**
     * Takes the one turn the work loops share while the endpoint is busy: none while another
     * loop's unit runs or in the pause after it. A unit that has run for longer than the longest
     * pause mostly waits (on a model, say), so it no longer holds the others back.
     *
     * @param maxPause the longest pause, in nanoseconds
     * @return true if the caller may run one unit now, and must then {@link #endTurn} (and
     *     {@link #wakeLoops}) or {@link #giveBackTurn}
     */
    boolean tryTakeTurn(long maxPause) {
        long now = nanoTime.getAsLong();
        if (now - pausedUntil < 0) {
            return false;
        }
        int running = inTurn.get();
        if (running > 0 && now - turnTakenAt < maxPause || !inTurn.compareAndSet(running, running + 1)) {
            return false;
        }
        turnTakenAt = now;
        // a turn that ended since the first look set its pause before it let the turn go
        if (nanoTime.getAsLong() - pausedUntil < 0) {
            inTurn.decrementAndGet();
            return false;
        }
        return true;
    }

    /**
     * Ends a turn whose unit started at {@code started} (on this load's clock): no loop takes the
     * next turn for as long as the unit took, up to {@code maxPause}. The caller then gives the
     * unit's capacity back and {@linkplain #wakeLoops wakes the loops}; given back before the
     * turn ends, a loop could take a unit that ran past the longest pause for one still running,
     * and start another beside it.
     *
     * @param started when the unit started, with the claim that fetched its work
     * @param maxPause the longest pause, in nanoseconds
     */
    void endTurn(long started, long maxPause) {
        long ended = nanoTime.getAsLong();
        pausedUntil = ended + Math.min(ended - started, maxPause);
        inTurn.decrementAndGet();
    }

    /** Wakes every work loop that yields to this endpoint, once a turn has ended. */
    void wakeLoops() {
        loops.forEach(Runnable::run);
    }

    /** Gives back a turn in which no unit ran (nothing was claimed), without a pause. */
    void giveBackTurn() {
        inTurn.decrementAndGet();
    }

    /**
     * Until when no loop takes a turn, on this load's clock.
     *
     * @return the end of the pause after the last turn (in the past when there is none)
     */
    long pausedUntil() {
        return pausedUntil;
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
