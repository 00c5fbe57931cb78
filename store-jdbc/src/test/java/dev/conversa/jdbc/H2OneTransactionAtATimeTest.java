package dev.conversa.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.store.Stores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On an H2 file database the stores run one transaction at a time (a transaction half done when
 * H2 writes the file is left behind by a killed process as rows no one can read or change); on
 * an in-memory one, which no process outlives, they run side by side.
 */
class H2OneTransactionAtATimeTest {

    @TempDir
    Path directory;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final List<JdbcConnectionPool> pools = new ArrayList<>();

    @AfterEach
    void stop() {
        threads.shutdownNow();
        pools.forEach(JdbcConnectionPool::dispose);
    }

    @Test
    void aStoreCallOnAFileDatabaseWaitsWhileAnotherThreadsUnitOfWorkIsOpen() throws Exception {
        Stores stores = stores("jdbc:h2:file:" + directory.resolve("conversa").toAbsolutePath());

        assertCallWaitsForOpenUnit(stores, stores);
    }

    @Test
    void storesOverTwoSpellingsOfOneFileTakeTurnsToo() throws Exception {
        Stores one = stores("jdbc:h2:file:" + directory.resolve("conversa").toAbsolutePath());
        Stores other = stores("jdbc:h2:" + directory.resolve("sub/../conversa") + ";LOCK_TIMEOUT=5000");

        assertCallWaitsForOpenUnit(one, other);
    }

    private void assertCallWaitsForOpenUnit(Stores unitStores, Stores callStores) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> unit = openUnitUntil(unitStores, release);

        AtomicReference<Thread> caller = new AtomicReference<>();
        CompletableFuture<Long> call = CompletableFuture.supplyAsync(() -> {
            caller.set(Thread.currentThread());
            return callStores.inbox().pendingCount();
        }, threads);
        await().atMost(Duration.ofSeconds(10)).until(() -> caller.get() != null
                && caller.get().getState() == Thread.State.WAITING);
        assertThat(call).as("the call ran while the other unit of work was open").isNotDone();

        release.countDown();
        assertThat(call.get(10, TimeUnit.SECONDS)).isZero();
        unit.get(10, TimeUnit.SECONDS);
    }

    @Test
    void storeCallsOnAnInMemoryDatabaseRunBesideAnOpenUnitOfWork() throws Exception {
        Stores stores = stores("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> unit = openUnitUntil(stores, release);

        long pending = CompletableFuture.supplyAsync(() -> stores.inbox().pendingCount(), threads)
                .get(10, TimeUnit.SECONDS);

        assertThat(pending).isZero();
        release.countDown();
        unit.get(10, TimeUnit.SECONDS);
    }

    private Stores stores(String url) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pools.add(pool);
        JdbcStores jdbc = JdbcStores.builder().dataSource(pool).tokenCipher(TestDatabases.cipher()).build();
        jdbc.migrate();
        return jdbc.stores();
    }

    /** A unit of work that has run a statement and stays open until released; returns once it is open. */
    private CompletableFuture<Void> openUnitUntil(Stores stores, CountDownLatch release) throws InterruptedException {
        CountDownLatch open = new CountDownLatch(1);
        CompletableFuture<Void> unit = CompletableFuture.runAsync(() -> stores.unitOfWork().run(() -> {
            stores.inbox().pendingCount();
            open.countDown();
            try {
                assertThat(release.await(10, TimeUnit.SECONDS)).as("released").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), threads);
        assertThat(open.await(10, TimeUnit.SECONDS)).as("the unit of work opened").isTrue();
        return unit;
    }
}
