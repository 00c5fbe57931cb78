package dev.conversa.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.store.OutboxState;
import dev.conversa.store.Stores;
import dev.conversa.testsupport.MutableClock;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The durability scenarios on embedded PostgreSQL, emptied before each test, and two instances on one database. */
class PostgresDurabilityTest extends DurabilityScenarios {

    @Override
    JdbcStores createStores(Clock clock) {
        return TestDatabases.postgres(clock);
    }

    @Test
    void twoInstancesOnOneDatabaseHandleEveryEventOnceInOrder() throws Exception {
        // given
        MutableClock clock = MutableClock.at("2026-01-05T09:00:00Z");
        Stores first = TestDatabases.postgres(clock).stores();
        Stores second = TestDatabases.postgresInstance(clock).stores();
        Workload work = Workload.of(2000, 100, clock.instant());
        work.batches(20).forEach(batch -> first.inbox().append(Workload.TENANT, batch, clock.instant()));
        Ledger ledger = new Ledger();
        List<Instance> workers = List.of(Instance.healthy("first-1", first, clock, ledger),
                Instance.healthy("first-2", first, clock, ledger), Instance.healthy("second-1", second, clock, ledger),
                Instance.healthy("second-2", second, clock, ledger));

        // when
        runTogether(workers);

        // then
        assertThat(first.inbox().pendingCount()).isZero();
        assertThat(ledger.everyHandling()).isEqualTo(work.expectedOrder());
        assertThat(ledger.sentInOrder()).isEqualTo(work.expectedOrder());
        assertThat(ledger.sendsPerReply()).hasSize(2000).allSatisfy((reply, sends) -> assertThat(sends).hasValue(1));
        assertThat(second.outbox().list(Workload.TENANT, OutboxState.SENT, 5000)).hasSize(2000);
        assertThat(ledger.handledBy("first-1") + ledger.handledBy("first-2")).isPositive();
        assertThat(ledger.handledBy("second-1") + ledger.handledBy("second-2")).isPositive();
    }

    private static void runTogether(List<Instance> workers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (Instance worker : workers) {
                running.add(pool.submit(() -> {
                    assertThat(go.await(60, TimeUnit.SECONDS)).as("start signal").isTrue();
                    worker.runUntilIdle();
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> worker : running) {
                worker.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
