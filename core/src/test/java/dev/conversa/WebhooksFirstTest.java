package dev.conversa;

import static dev.conversa.TestBed.TENANT;
import static dev.conversa.TestBed.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.respond.Reply;
import dev.conversa.respond.ResponderRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Conversa.Builder#webhooksFirst}: the webhook handler feeds the load the work loops yield
 * to. The load here never forgets a call (its clock stands still) and is busy from any, so after
 * the first webhook the endpoint stays busy.
 */
class WebhooksFirstTest {

    private static final List<String> CUSTOMERS = List.of("alice", "bob", "carol", "dan");

    private final IntakeLoad busyFromAnyCall = new IntakeLoad(Duration.ofMillis(100), Double.MIN_VALUE, () -> 0L);
    private final AtomicInteger answering = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private TestBed bed;

    @AfterEach
    void closeBed() {
        release.countDown();
        bed.close();
    }

    @Test
    void whileTheEndpointIsBusyTheRepliesAreAnsweredOneAtATime() {
        bed = new TestBed(builder -> {
            builder.intakeLoad = busyFromAnyCall;
            return builder.concurrency(CUSTOMERS.size()).responder(this::answerWhenReleased);
        });

        deliverAndMakeDue();

        await().atMost(Duration.ofSeconds(10)).until(() -> answering.get() >= 1);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(10)).until(() -> mostAtOnce.get() == 1);
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(answered()).isEqualTo(CUSTOMERS.size()));
        assertThat(mostAtOnce).hasValue(1);
    }

    @Test
    void turnedOffTheWorkersKeepTheirConcurrency() {
        bed = new TestBed(builder -> {
            builder.intakeLoad = busyFromAnyCall;
            return builder.webhooksFirst(false).concurrency(CUSTOMERS.size()).responder(this::answerWhenReleased);
        });

        deliverAndMakeDue();

        await().atMost(Duration.ofSeconds(10)).until(() -> answering.get() == CUSTOMERS.size());
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(answered()).isEqualTo(CUSTOMERS.size()));
        assertThat(mostAtOnce).hasValue(CUSTOMERS.size());
    }

    private void deliverAndMakeDue() {
        for (String customer : CUSTOMERS) {
            bed.deliver("m-" + customer, customer, "hello");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> CUSTOMERS.stream().allMatch(customer ->
                bed.stores.conversations().find(TENANT, key(customer)).flatMap(c -> c.replyDueAt()).isPresent()));
        bed.clock.advance(Duration.ofSeconds(2));
    }

    private Reply answerWhenReleased(ResponderRequest request) {
        mostAtOnce.accumulateAndGet(answering.incrementAndGet(), Math::max);
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        answered.incrementAndGet();
        answering.decrementAndGet();
        return Reply.silence();
    }

    private int answered() {
        return answered.get();
    }
}
