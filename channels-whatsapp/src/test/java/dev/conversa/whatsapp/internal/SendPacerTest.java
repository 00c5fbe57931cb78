package dev.conversa.whatsapp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SendPacerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void handsOutEverySlotOnceUnderConcurrentReservations() throws Exception {
        // given
        SendPacer pacer = new SendPacer(100, 1, Duration.ofSeconds(6));
        Set<Duration> waits = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);

        // when
        List<Future<Boolean>> done = IntStream.range(0, 400).mapToObj(i -> pool.submit(() -> {
            assertThat(start.await(10, TimeUnit.SECONDS)).as("start signal").isTrue();
            return waits.add(pacer.reserve("111", "recipient-" + i, NOW));
        })).toList();
        start.countDown();
        for (Future<Boolean> future : done) {
            future.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();

        // then
        assertThat(waits).hasSize(400);
        assertThat(waits).allSatisfy(wait -> assertThat(wait.toNanos() % 10_000_000).isZero());
        assertThat(waits.stream().max(Duration::compareTo)).contains(Duration.ofMillis(3990));
    }

    @Test
    void letsTheFirstSendGoAtOnce() {
        assertThat(new SendPacer(80, 1, Duration.ofSeconds(6)).reserve("111", "a", NOW)).isZero();
    }

    @Test
    void doesNotPaceReadReceiptsByRecipient() {
        SendPacer pacer = new SendPacer(1000, 1, Duration.ofSeconds(6));

        Duration first = pacer.reserve("111", null, NOW);
        Duration second = pacer.reserve("111", null, NOW.plusSeconds(1));

        assertThat(first).isZero();
        assertThat(second).as("a second receipt within the pair interval is not held back").isZero();
    }

    @Test
    void refusesANonPositiveRate() {
        assertThatThrownBy(() -> new SendPacer(0, 1, Duration.ofSeconds(6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("messagesPerSecond");
    }
}
