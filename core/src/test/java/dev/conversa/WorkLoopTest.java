package dev.conversa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link WorkLoop} yields to a busy webhook endpoint: one item at a time among all the loops on
 * it, each followed by a pause as long as it took; full concurrency after.
 */
class WorkLoopTest {

    private static final int CONCURRENCY = 4;

    private final AtomicLong nanos = new AtomicLong();
    /** A window far longer than the clock's jumps: a unit that moves the clock on leaves the endpoint busy. */
    private final IntakeLoad intake = new IntakeLoad(Duration.ofMinutes(1), 2, nanos::get);
    private final Deque<Integer> queue = new ArrayDeque<>();
    private final List<Integer> asked = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private WorkLoop<Integer> loop;
    private WorkLoop<Integer> other;

    @AfterEach
    void stop() {
        release.countDown();
        loop.stop(Duration.ofSeconds(5));
        if (other != null) {
            other.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void runsOneItemAtATimeWhileTheEndpointIsBusyAndAllOnceItIsNot() {
        IntStream.range(0, 10).forEach(queue::add);
        keepBusy();
        assertThat(intake.busy()).isTrue();
        loop = new WorkLoop<>("test-loop", CONCURRENCY, Duration.ofMillis(10), this::claim, this::work,
                item -> 1, Executors.newFixedThreadPool(CONCURRENCY), intake);

        loop.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> started.get() >= 1);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(10)).until(() -> started.get() == 1);
        assertThat(asked).containsExactly(1);

        nanos.addAndGet(Duration.ofMinutes(3).toNanos()); // two windows without a webhook: idle

        await().atMost(Duration.ofSeconds(10)).until(() -> running.get() == CONCURRENCY);
        assertThat(asked).containsExactly(1, CONCURRENCY - 1);
    }

    @Test
    void whileTheEndpointIsBusyTheLoopPausesAsLongAsItsLastUnitTook() {
        startBusyLoop(Duration.ZERO, Duration.ofMillis(50));

        assertTheSecondUnitWaitsFor(Duration.ofMillis(50));
        assertThat(asked).containsExactly(1, 1);
    }

    @Test
    void thePauseCountsTheClaimAsPartOfTheUnit() {
        startBusyLoop(Duration.ofMillis(30), Duration.ofMillis(20));

        assertTheSecondUnitWaitsFor(Duration.ofMillis(50));
    }

    @Test
    void aLongUnitIsFollowedByAPauseOfAtMostTheCap() {
        startBusyLoop(Duration.ZERO, Duration.ofSeconds(2)); // waiting on a model, say

        assertTheSecondUnitWaitsFor(Duration.ofMillis(WorkLoop.MAX_PAUSE_MILLIS));
    }

    @Test
    void aUnitGivesItsCapacityBackOnlyOnceItsTurnHasEnded() {
        // capacity back first, the loop could see this unit, which ran past the cap, as one still
        // running, and start another beside it
        IntStream.range(0, 10).forEach(queue::add);
        keepBusy();
        AtomicInteger sizeCalls = new AtomicInteger();
        List<Long> pauseLeftOnRelease = Collections.synchronizedList(new ArrayList<>());
        loop = new WorkLoop<>("test-loop", CONCURRENCY, Duration.ofMillis(10), this::claim, item -> {
            nanos.addAndGet(Duration.ofSeconds(2).toNanos());
            keepBusy();
            started.incrementAndGet();
        }, item -> {
            if (sizeCalls.incrementAndGet() == 2) { // the first is the claim's count, the second the release
                pauseLeftOnRelease.add(intake.pausedUntil() - intake.now());
            }
            return 1;
        }, Executors.newFixedThreadPool(CONCURRENCY), intake);

        loop.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> pauseLeftOnRelease.size() == 1);
        assertThat(pauseLeftOnRelease).containsExactly(TimeUnit.MILLISECONDS.toNanos(WorkLoop.MAX_PAUSE_MILLIS));
    }

    @Test
    void loopsOnOneBusyEndpointRunOneUnitAtATimeAmongThemAndShareThePauseAfterIt() {
        IntStream.range(0, 10).forEach(queue::add);
        Deque<Integer> otherQueue = new ArrayDeque<>();
        IntStream.range(100, 110).forEach(otherQueue::add);
        AtomicInteger otherStarted = new AtomicInteger();
        keepBusy();
        loop = new WorkLoop<>("test-loop", CONCURRENCY, Duration.ofMillis(10), this::claim, item -> {
            nanos.addAndGet(Duration.ofMillis(50).toNanos());
            keepBusy();
            started.incrementAndGet();
        }, item -> 1, Executors.newFixedThreadPool(CONCURRENCY), intake);
        other = new WorkLoop<>("other-loop", CONCURRENCY, Duration.ofMillis(10), max -> {
            synchronized (otherQueue) {
                return otherQueue.isEmpty() ? List.of() : List.of(otherQueue.poll());
            }
        }, item -> {
            nanos.addAndGet(Duration.ofMillis(50).toNanos());
            keepBusy();
            otherStarted.incrementAndGet();
        }, item -> 1, Executors.newFixedThreadPool(CONCURRENCY), intake);

        loop.start();
        other.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> started.get() + otherStarted.get() >= 1);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(10))
                .until(() -> started.get() + otherStarted.get() == 1);

        for (int turn = 2; turn <= 6; turn++) {
            nanos.addAndGet(Duration.ofMillis(49).toNanos());
            keepBusy();
            loop.wake();
            other.wake();
            int before = turn - 1;
            await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(10))
                    .until(() -> started.get() + otherStarted.get() == before);
            nanos.addAndGet(Duration.ofMillis(1).toNanos());
            keepBusy();
            loop.wake();
            other.wake();
            int expected = turn;
            await().atMost(Duration.ofSeconds(10)).until(() -> started.get() + otherStarted.get() == expected);
        }
    }

    @Test
    void aUnitThatRunsLongerThanTheCapLetsAnotherLoopTakeATurnBesideIt() {
        IntStream.range(0, 10).forEach(queue::add);
        keepBusy();
        loop = new WorkLoop<>("test-loop", CONCURRENCY, Duration.ofMillis(10), this::claim, this::work,
                item -> 1, Executors.newFixedThreadPool(CONCURRENCY), intake);
        loop.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> running.get() == 1); // waits on a model, say
        AtomicInteger otherStarted = new AtomicInteger();
        other = new WorkLoop<>("other-loop", CONCURRENCY, Duration.ofMillis(10), max -> List.of(100), item -> {
            keepBusy();
            otherStarted.incrementAndGet();
        }, item -> 1, Executors.newFixedThreadPool(CONCURRENCY), intake);

        other.start();
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(10)).until(() -> otherStarted.get() == 0);
        nanos.addAndGet(Duration.ofMillis(WorkLoop.MAX_PAUSE_MILLIS - 1).toNanos());
        keepBusy();
        other.wake();
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(10)).until(() -> otherStarted.get() == 0);
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        keepBusy();
        other.wake();

        await().atMost(Duration.ofSeconds(10)).until(() -> otherStarted.get() >= 1);
        assertThat(running).as("the first loop's unit still runs").hasValue(1);
    }

    @Test
    void anIdleEndpointLeavesTheLoopItsFullConcurrency() {
        IntStream.range(0, 10).forEach(queue::add);
        loop = new WorkLoop<>("test-loop", CONCURRENCY, Duration.ofMillis(10), this::claim, this::work,
                item -> 1, Executors.newFixedThreadPool(CONCURRENCY), intake);

        loop.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> running.get() == CONCURRENCY);
        assertThat(asked).containsExactly(CONCURRENCY);
    }

    /**
     * Starts a loop over ten items, with the endpoint busy; each claim and each unit takes the given
     * time on the intake's clock.
     */
    private void startBusyLoop(Duration claiming, Duration working) {
        IntStream.range(0, 10).forEach(queue::add);
        keepBusy();
        loop = new WorkLoop<>("test-loop", CONCURRENCY, Duration.ofMillis(10), max -> {
            nanos.addAndGet(claiming.toNanos()); // the claim's round trips
            keepBusy();
            return claim(max);
        }, item -> {
            nanos.addAndGet(working.toNanos());
            keepBusy();
            started.incrementAndGet();
        }, item -> 1, Executors.newFixedThreadPool(CONCURRENCY), intake);
        loop.start();
    }

    /** The first unit runs; the second not before the intake's clock has moved on by the pause, and then. */
    private void assertTheSecondUnitWaitsFor(Duration pause) {
        await().atMost(Duration.ofSeconds(10)).until(() -> started.get() >= 1);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(10)).until(() -> started.get() == 1);

        advanceAndWake(pause.minusMillis(1));
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(10)).until(() -> started.get() == 1);

        advanceAndWake(Duration.ofMillis(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> started.get() == 2);
    }

    private void advanceAndWake(Duration time) {
        nanos.addAndGet(time.toNanos());
        keepBusy();
        loop.wake();
    }

    /** A webhook answered now that took long enough to keep the endpoint busy for two windows. */
    private void keepBusy() {
        intake.webhookAnswered(200, Duration.ofMinutes(10));
    }

    private List<Integer> claim(int max) {
        asked.add(max);
        List<Integer> items = new ArrayList<>();
        synchronized (queue) {
            while (items.size() < max && !queue.isEmpty()) {
                items.add(queue.poll());
            }
        }
        return items;
    }

    private void work(Integer item) {
        running.incrementAndGet();
        started.incrementAndGet();
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.decrementAndGet();
        }
    }
}
