package dev.conversa.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.conversa.lang.ConversaException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final List<List<String>> transactions = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstEntered = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);

    @AfterEach
    void stopCallers() {
        releaseFirst.countDown();
        callers.shutdownNow();
    }

    @Test
    void aLoneCallerCommitsAtOnceWithItsOwnResult() {
        GroupCommit<String, String> commits = new GroupCommit<>(database(), "writing", 10, this::record);
        releaseFirst.countDown();

        assertThat(commits.write("a")).isEqualTo("A");
        assertThat(transactions).containsExactly(List.of("a"));
    }

    @Test
    void callersArrivingDuringACommitAreCommittedTogetherInTheNextEachWithItsOwnResult() throws Exception {
        GroupCommit<String, String> commits = new GroupCommit<>(database(), "writing", 10, this::record);
        Future<String> first = callers.submit(() -> commits.write("a"));
        assertThat(firstEntered.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<String>> waiting = new ArrayList<>();
        for (String request : List.of("b", "c", "d")) {
            waiting.add(callers.submit(() -> commits.write(request)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> commits.queued() == 3);

        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("A");
        assertThat(waiting.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("B");
        assertThat(waiting.get(1).get(10, TimeUnit.SECONDS)).isEqualTo("C");
        assertThat(waiting.get(2).get(10, TimeUnit.SECONDS)).isEqualTo("D");
        assertThat(transactions).hasSize(2);
        assertThat(transactions.get(1)).containsExactlyInAnyOrder("b", "c", "d");
    }

    @Test
    void aGroupNeverExceedsItsBound() throws Exception {
        GroupCommit<String, String> commits = new GroupCommit<>(database(), "writing", 2, this::record);
        Future<String> first = callers.submit(() -> commits.write("a"));
        assertThat(firstEntered.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<String>> waiting = new ArrayList<>();
        for (String request : List.of("b", "c", "d", "e", "f")) {
            waiting.add(callers.submit(() -> commits.write(request)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> commits.queued() == 5);

        releaseFirst.countDown();

        first.get(10, TimeUnit.SECONDS);
        for (Future<String> caller : waiting) {
            caller.get(10, TimeUnit.SECONDS);
        }
        assertThat(transactions).hasSize(4).allSatisfy(group -> assertThat(group).hasSizeLessThanOrEqualTo(2));
    }

    @Test
    void aFailingMemberFailsAloneAndTheOthersOfItsGroupAreCommitted() throws Exception {
        GroupCommit<String, String> commits = new GroupCommit<>(database(), "writing", 10, this::record);
        Future<String> first = callers.submit(() -> commits.write("a"));
        assertThat(firstEntered.await(10, TimeUnit.SECONDS)).isTrue();
        Future<String> good = callers.submit(() -> commits.write("b"));
        await().atMost(Duration.ofSeconds(10)).until(() -> commits.queued() == 1);
        Future<String> bad = callers.submit(() -> commits.write("bad"));
        await().atMost(Duration.ofSeconds(10)).until(() -> commits.queued() == 2);

        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("A");
        assertThat(good.get(10, TimeUnit.SECONDS)).isEqualTo("B");
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ConversaException.class)
                .cause().hasMessageContaining("writing");
        assertThat(transactions).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void aCallerInterruptedWhileWaitingGetsItsOwnResultAndKeepsItsInterrupt() throws Exception {
        GroupCommit<String, String> commits = new GroupCommit<>(database(), "writing", 10, this::record);
        Future<String> first = callers.submit(() -> commits.write("a"));
        assertThat(firstEntered.await(10, TimeUnit.SECONDS)).isTrue();
        AtomicReference<String> result = new AtomicReference<>();
        AtomicBoolean interruptKept = new AtomicBoolean();
        Thread waiting = new Thread(() -> {
            result.set(commits.write("b"));
            interruptKept.set(Thread.currentThread().isInterrupted());
        });
        waiting.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> commits.queued() == 1);

        waiting.interrupt();
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("A");
        waiting.join(10_000);
        assertThat(waiting.isAlive()).isFalse();
        assertThat(result.get()).isEqualTo("B");
        assertThat(interruptKept).isTrue();
        assertThat(transactions).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void aGroupWrittenInOneStatementRunsWithoutATransactionAndOthersInOne() throws Exception {
        List<Boolean> autoCommit = new CopyOnWriteArrayList<>();
        GroupCommit<String, String> commits = new GroupCommit<>(database(), "writing", 10, (connection, group) -> {
            List<String> results = record(connection, group);
            autoCommit.add(connection.getAutoCommit());
            return results;
        }, group -> group.size() == 1);
        Future<String> first = callers.submit(() -> commits.write("a"));
        assertThat(firstEntered.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<String>> waiting = new ArrayList<>();
        for (String request : List.of("b", "c")) {
            waiting.add(callers.submit(() -> commits.write(request)));
            int queued = waiting.size(); // one at a time, so that the group's order is known
            await().atMost(Duration.ofSeconds(10)).until(() -> commits.queued() == queued);
        }

        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("A");
        for (Future<String> caller : waiting) {
            caller.get(10, TimeUnit.SECONDS);
        }
        assertThat(transactions).containsExactly(List.of("a"), List.of("b", "c"));
        assertThat(autoCommit).as("a lone request outside a transaction, the group of two in one")
                .containsExactly(true, false);
    }

    /** Records each committed group; "bad" makes its group's transaction fail. */
    private List<String> record(java.sql.Connection connection, List<String> group) throws SQLException {
        if (transactions.isEmpty() && firstEntered.getCount() == 1) {
            firstEntered.countDown();
            try {
                if (!releaseFirst.await(10, TimeUnit.SECONDS)) {
                    throw new SQLException("the test never released the first commit");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted", e);
            }
        }
        if (group.contains("bad")) {
            throw new SQLException("refused", "23000");
        }
        transactions.add(List.copyOf(group));
        return group.stream().map(request -> request.toUpperCase(java.util.Locale.ROOT)).toList();
    }

    private static Database database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:group-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return new Database(h2, Dialect.H2);
    }
}
