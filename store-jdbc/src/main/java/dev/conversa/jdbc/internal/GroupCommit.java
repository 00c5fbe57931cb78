package dev.conversa.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes the work of concurrent callers in one transaction: a caller that finds no commit in
 * flight commits at once, with whatever others queued meanwhile; callers that arrive while a
 * commit is in flight wait, and the first of them to wake commits them all in the next one.
 * A lone caller is never delayed, and under load one commit (one fsync) serves many callers.
 * Each caller returns only once its own work is committed, with its own result or failure.
 *
 * <p>A caller inside a unit of work ({@link Database#inUnitOfWork}) writes in that unit's
 * transaction instead, which commits with the rest of its work.
 *
 * <p>If a group's transaction fails, each of its members is written again in a transaction of
 * its own, so one bad member cannot fail the others.
 *
 * @param <R> one caller's work
 * @param <T> its result
 */
final class GroupCommit<R, T> {

    /** Writes a group of requests on one connection, inside one transaction; results in order. */
    @FunctionalInterface
    interface Writer<R, T> {
        List<T> write(Connection connection, List<R> requests) throws SQLException;
    }

    private final Database database;
    private final String operation;
    private final int maxGroup;
    private final Writer<R, T> writer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finished = lock.newCondition();
    private final ArrayDeque<Pending<R, T>> queue = new ArrayDeque<>();
    private boolean committing;

    GroupCommit(Database database, String operation, int maxGroup, Writer<R, T> writer) {
        this.database = Objects.requireNonNull(database, "database");
        this.operation = Objects.requireNonNull(operation, "operation");
        if (maxGroup < 1) {
            throw new IllegalArgumentException("maxGroup must be at least 1, was " + maxGroup);
        }
        this.maxGroup = maxGroup;
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /**
     * Writes one request, alone or with others, and returns once it is committed.
     *
     * @throws RuntimeException what the database threw for this request (a {@code ConversaException})
     */
    T write(R request) {
        if (database.inUnitOfWork()) {
            return database.inTransaction(operation, connection -> writer.write(connection, List.of(request)).get(0));
        }
        Pending<R, T> mine = new Pending<>(request);
        boolean interrupted = false;
        lock.lock();
        try {
            queue.add(mine);
            while (!mine.done) {
                if (committing) {
                    try {
                        finished.await();
                    } catch (InterruptedException e) {
                        // the request may already be in a transaction: wait for its outcome, then re-interrupt
                        interrupted = true;
                    }
                    continue;
                }
                committing = true;
                List<Pending<R, T>> group = take();
                lock.unlock();
                try {
                    commit(group);
                } finally {
                    lock.lock();
                    committing = false;
                    finished.signalAll();
                }
            }
        } finally {
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
    }

    /** How many callers wait for a commit (for tests). */
    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    private List<Pending<R, T>> take() {
        List<Pending<R, T>> group = new ArrayList<>(Math.min(queue.size(), maxGroup));
        while (!queue.isEmpty() && group.size() < maxGroup) {
            group.add(queue.poll());
        }
        return group;
    }

    /** Runs outside the lock; marks every member done (the caller signals under the lock). */
    private void commit(List<Pending<R, T>> group) {
        try {
            List<R> requests = group.stream().map(p -> p.request).toList();
            List<T> results = database.inTransaction(operation, connection -> writer.write(connection, requests));
            for (int i = 0; i < group.size(); i++) {
                group.get(i).succeed(results.get(i));
            }
        } catch (Error e) {
            group.forEach(member -> member.fail(new IllegalStateException("the " + operation + " failed", e)));
            throw e;
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).fail(e);
                return;
            }
            for (Pending<R, T> member : group) {
                try {
                    member.succeed(database.inTransaction(operation,
                            connection -> writer.write(connection, List.of(member.request)).get(0)));
                } catch (RuntimeException alone) {
                    member.fail(alone);
                }
            }
        }
    }

    /** One caller's request and, once done, its outcome; guarded by the lock's signal. */
    private static final class Pending<R, T> {
        final R request;
        volatile boolean done;
        T result;
        RuntimeException failure;

        Pending(R request) {
            this.request = request;
        }

        void succeed(T value) {
            result = value;
            done = true;
        }

        void fail(RuntimeException e) {
            failure = e;
            done = true;
        }
    }
}
