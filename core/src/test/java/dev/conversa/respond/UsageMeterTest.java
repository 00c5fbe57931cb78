package dev.conversa.respond;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.TenantId;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UsageMeterTest {

    private static final TenantId TENANT = TenantId.of("rosa-bakery");

    @Test
    void countsEveryRequestRecordedFromManyThreads() throws InterruptedException {
        // given
        UsageMeter meter = new UsageMeter();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);

        // when
        for (int i = 0; i < 400; i++) {
            pool.execute(() -> {
                awaitQuietly(start);
                meter.onUsage(new Usage(TENANT, "gpt-4o-mini", 10, 2));
            });
        }
        start.countDown();
        pool.shutdown();

        // then
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(meter.totals(TENANT)).isEqualTo(new UsageTotals(400, 4000, 800));
        assertThat(meter.totals(TENANT).totalTokens()).isEqualTo(4800);
    }

    @Test
    void snapshotHoldsEveryTenant() {
        UsageMeter meter = new UsageMeter();
        meter.onUsage(new Usage(TENANT, "gpt-4o-mini", 5, 1));
        meter.onUsage(new Usage(TenantId.of("luigi-pizza"), "gpt-4o-mini", 7, 3));

        assertThat(meter.snapshot()).containsOnlyKeys(TENANT, TenantId.of("luigi-pizza"));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("start signal").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
