package dev.conversa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link IntakeLoad}: busy from a number of webhook calls in flight on average over a window. */
class IntakeLoadTest {

    private static final Duration WINDOW = Duration.ofMillis(100);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final IntakeLoad load = new IntakeLoad(WINDOW, 2, now::get);

    @Test
    void callsThatDoNotOverlapLeaveItIdle() {
        for (int i = 0; i < 10; i++) {
            load.webhookAnswered(200, Duration.ofMillis(19));
            advance(Duration.ofMillis(10));
        }

        // 190 ms of calls in 100 ms: 1.9 in flight on average, under 2
        assertThat(load.busy()).isFalse();
    }

    @Test
    void isBusyAsSoonAsTheCallsOfTheWindowAddUpToTheThreshold() {
        load.webhookAnswered(200, Duration.ofMillis(150));
        assertThat(load.busy()).isFalse();

        load.webhookAnswered(200, Duration.ofMillis(50));

        assertThat(load.busy()).isTrue();
    }

    @Test
    void staysBusyThroughTheNextWindowAndIdlesAfterAWindowWithoutCalls() {
        load.webhookAnswered(200, Duration.ofMillis(250));

        advance(Duration.ofMillis(150));
        assertThat(load.busy()).as("the last full window was busy").isTrue();

        advance(Duration.ofMillis(100));
        assertThat(load.busy()).as("the last full window had no call").isFalse();
    }

    @Test
    void aLongSilenceForgetsTheLastBusyWindow() {
        load.webhookAnswered(200, Duration.ofMillis(250));

        advance(Duration.ofSeconds(5));

        assertThat(load.busy()).isFalse();
        load.webhookAnswered(200, Duration.ofMillis(50));
        assertThat(load.busy()).isFalse();
    }

    @Test
    void refusedCallsDoNotCountButFailedOnesDo() {
        load.webhookAnswered(401, Duration.ofMillis(150));
        load.webhookAnswered(413, Duration.ofMillis(150));
        assertThat(load.busy()).isFalse();

        load.webhookAnswered(500, Duration.ofMillis(100));
        load.webhookAnswered(200, Duration.ofMillis(100));

        assertThat(load.busy()).isTrue();
    }

    @Test
    void neverBusyIsNeverBusy() {
        IntakeLoad.NEVER_BUSY.webhookAnswered(200, Duration.ofHours(1));

        assertThat(IntakeLoad.NEVER_BUSY.busy()).isFalse();
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
