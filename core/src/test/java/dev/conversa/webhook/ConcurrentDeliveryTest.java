package dev.conversa.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentDeliveryTest {

    @Test
    void storesTheSameEventOnceWhenDeliveredOnManyThreadsAtOnce() throws Exception {
        // given
        IntakeFixture fixture = new IntakeFixture();
        WebhookHandler handler = fixture.handler();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<WebhookResponse>> responses = new ArrayList<>();

        // when
        try {
            for (int i = 0; i < threads; i++) {
                responses.add(pool.submit(() -> {
                    assertThat(start.await(10, TimeUnit.SECONDS)).as("start signal").isTrue();
                    return handler.handle(IntakeFixture.signedMessage("m1"));
                }));
            }
            start.countDown();
            for (Future<WebhookResponse> response : responses) {
                assertThat(response.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        // then
        assertThat(fixture.stored()).isEqualTo(1);
        assertThat(fixture.appended).hasSize(1);
    }
}
