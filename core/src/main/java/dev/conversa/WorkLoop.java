package dev.conversa;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loop thread that claims work only up to free capacity and runs each item on an executor.
 * Capacity is a semaphore: when every permit is taken nothing is claimed, so work waits in its
 * durable queue rather than in memory. The loop wakes when signalled, when an item finishes,
 * and otherwise every poll interval (reply tasks and retries become due with time).
 *
 * <p>While the webhook endpoint is {@linkplain IntakeLoad#busy() busy} the loops that yield to it
 * run one unit of work at a time among them all ({@link IntakeLoad#tryTakeTurn}: the dispatcher's
 * and the outbox sender's take turns), instead of each its full concurrency, and after each unit
 * none runs for as long as the unit took, its claim included, up to {@value #MAX_PAUSE_MILLIS} ms,
 * so that together they work about half the time and acknowledgements keep the rest of the
 * machine; the work goes on, at that pace, however long the endpoint stays busy. (A unit that
 * mostly waits, on a model say, takes little from the endpoint, hence the cap; and once it has run
 * for longer than the cap, another loop may take a turn beside it.) A loop goes back to full
 * concurrency at its next look once the endpoint is not busy.
 *
 * @param <T> the kind of work item
 */
final class WorkLoop<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkLoop.class);
    static final long MAX_PAUSE_MILLIS = 100;
    private static final long MAX_PAUSE = TimeUnit.MILLISECONDS.toNanos(MAX_PAUSE_MILLIS);

    private final String name;
    private final IntFunction<List<T>> claim;
    private final Consumer<T> worker;
    private final ToIntFunction<T> size;
    private final int concurrency;
    private final Semaphore permits;
    private final IntakeLoad intake;
    private final ExecutorService executor;
    private final Duration pollInterval;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private boolean signalled;
    private volatile boolean running;
    private Thread thread;

    /**
     * Creates the loop.
     *
     * @param claim claims up to the given number of units of work, handed out as items
     * @param size how many units an item holds: a batch holds several, each taking a permit until
     *     the batch is done
     * @param intake the webhook endpoint's load, which the loop yields to
     */
    WorkLoop(String name, int concurrency, Duration pollInterval, IntFunction<List<T>> claim, Consumer<T> worker,
            ToIntFunction<T> size, ExecutorService executor, IntakeLoad intake) {
        this.name = name;
        this.concurrency = concurrency;
        this.intake = intake;
        this.size = size;
        this.claim = claim;
        this.worker = worker;
        this.permits = new Semaphore(concurrency);
        this.pollInterval = pollInterval;
        this.executor = executor;
        intake.register(this::wake);
    }

    synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the loop runs: started and not asked to stop. Items may use it to end early. */
    boolean running() {
        return running;
    }

    /** Makes the loop look for work now. Safe from any thread. */
    void wake() {
        lock.lock();
        try {
            signalled = true;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (running) {
            boolean claimedAll = claimOnce();
            if (!claimedAll || permits.availablePermits() == 0) {
                awaitSignal();
            }
        }
    }

    /** Claims up to the free permits and hands the items out; true if it got as many as it asked. */
    private boolean claimOnce() {
        int free = permits.availablePermits();
        boolean yielding = free > 0 && intake.busy();
        if (yielding) {
            // one unit among all the loops: none while units of this loop still run from before
            if (free < concurrency || !intake.tryTakeTurn(MAX_PAUSE)) {
                return false;
            }
            free = 1;
        }
        if (free == 0 || !permits.tryAcquire(free)) {
            if (yielding) {
                intake.giveBackTurn();
            }
            return false;
        }
        // a turn's pause counts the claim too: it is part of the unit's work on the machine
        long started = yielding ? intake.now() : 0;
        List<T> items;
        try {
            items = claim.apply(free);
        } catch (RuntimeException e) {
            permits.release(free);
            if (yielding) {
                intake.giveBackTurn();
            }
            LOG.error("{}: claiming work failed ({}); trying again", name, e.getClass().getName());
            LOG.debug("{}: claiming work failed", name, e);
            return false;
        }
        int claimed = items.stream().mapToInt(size).sum();
        permits.release(free - claimed);
        if (yielding && items.isEmpty()) {
            intake.giveBackTurn();
        }
        for (T item : items) {
            executor.execute(() -> run(item, yielding, started));
        }
        return claimed > 0 && claimed == free;
    }

    private void run(T item, boolean yielding, long started) {
        try {
            worker.accept(item);
        } catch (RuntimeException e) {
            LOG.error("{}: a work item failed unexpectedly ({})", name, e.getClass().getName());
            LOG.debug("{}: a work item failed", name, e);
        } finally {
            if (yielding) {
                // before the permit goes back: this loop must not see the unit as still running
                intake.endTurn(started, MAX_PAUSE);
            }
            permits.release(size.applyAsInt(item));
            if (yielding) {
                intake.wakeLoops(); // this one too
            } else {
                wake();
            }
        }
    }

    private void awaitSignal() {
        lock.lock();
        try {
            if (!signalled && running) {
                long pause = intake.pausedUntil() - intake.now();
                signal.await(pause > 0 ? Math.min(pause, pollInterval.toNanos()) : pollInterval.toNanos(),
                        TimeUnit.NANOSECONDS);
            }
            signalled = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Stops claiming, then waits up to the given time for running items to finish. */
    void stop(Duration grace) {
        running = false;
        wake();
        Thread current;
        synchronized (this) {
            current = thread;
        }
        try {
            if (current != null) {
                current.join(grace.toMillis());
            }
            executor.shutdown();
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{}: work still running after {}; its lease will expire and it will be claimed again",
                        name, grace);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
