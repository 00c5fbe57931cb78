package dev.conversa.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Writes the work of concurrent callers in one transaction: a caller that finds no commit in
 * flight commits at once, with whatever others queued meanwhile; callers that arrive while a
 * commit is in flight wait, and when it is done the first of them in line is woken to commit them
 * all in the next one (unless a caller arriving meanwhile did so first); the others sleep until
 * their own work is committed.
 * A lone caller is never delayed, and under load one commit (one fsync) serves many callers.
 * Each caller returns only once its own work is committed, with its own result or failure.
 *
 * <p>A caller inside a unit of work ({@link Database#inUnitOfWork}) writes in that unit's
 * transaction instead, which commits with the rest of its work. A group the writer writes in one
 * statement (the inbox's appends on PostgreSQL, a lone completion or status) needs no
 * transaction: it commits as the statement ends.
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
    private final Predicate<List<R>> oneStatement;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Pending<R, T>> queue = new ArrayDeque<>();
    private boolean committing;

    GroupCommit(Database database, String operation, int maxGroup, Writer<R, T> writer) {
        this(database, operation, maxGroup, writer, group -> false);
    }

    /**
     * A group commit whose writer, for some groups, runs one statement: those need no transaction
     * of their own, and commit as the statement ends ({@link Database#inStatement}), one round
     * trip instead of two.
     *
     * @param oneStatement whether the writer writes a group in exactly one statement
     */
    GroupCommit(Database database, String operation, int maxGroup, Writer<R, T> writer,
            Predicate<List<R>> oneStatement) {
        this.oneStatement = Objects.requireNonNull(oneStatement, "oneStatement");
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
        Pending<R, T> mine = new Pending<>(request, Thread.currentThread());
        lock.lock();
        try {
            queue.add(mine);
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        while (!mine.done) {
            List<Pending<R, T>> group = lead();
            if (!group.isEmpty()) {
                commitAndWake(group);
            } else if (!mine.done) {
                LockSupport.park(this);
                // the request may already be in a transaction: wait for its outcome, then re-interrupt
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
    }

    /**
     * Takes the lead of the next commit, with the callers queued first, up to the group's limit;
     * none while a commit is in flight, and none when no one is queued: a caller's request may
     * have been committed by another's lead between its look at {@code done} and this call, and
     * a lead taken then would be an empty group that no commit ever ends, which left every later
     * caller parked for good. The group of a caller that leads may leave the caller itself for
     * the next one, when more callers than the limit were queued before it.
     */
    private List<Pending<R, T>> lead() {
        lock.lock();
        try {
            if (committing || queue.isEmpty()) {
                return List.of();
            }
            committing = true;
            return take();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Commits a group, then wakes whom that concerns: its members, now done, and the first caller
     * still queued, who leads the next commit unless a caller arriving meanwhile took the lead
     * first. The others sleep on, and a member returns without taking the lock again, so the next
     * commit does not wait for them.
     */
    private void commitAndWake(List<Pending<R, T>> group) {
        try {
            commit(group);
        } finally {
            Pending<R, T> next;
            lock.lock();
            try {
                committing = false;
                next = queue.peek();
            } finally {
                lock.unlock();
            }
            Thread self = Thread.currentThread();
            for (Pending<R, T> member : group) {
                if (member.caller != self) {
                    LockSupport.unpark(member.caller);
                }
            }
            if (next != null && next.caller != self) {
                LockSupport.unpark(next.caller);
            }
        }
    }

    /**
     * For a writer that writes each request in one statement: a group of one is one statement.
     *
     * @param <R> one caller's work
     * @return whether a group is a lone request
     */
    static <R> Predicate<List<R>> alone() {
        return group -> group.size() == 1;
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
            List<T> results = write(requests);
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
                    member.succeed(write(List.of(member.request)).get(0));
                } catch (RuntimeException alone) {
                    member.fail(alone);
                }
            }
        }
    }

    /** Writes requests in a transaction of their own, or in none when the writer runs one statement for them. */
    private List<T> write(List<R> requests) {
        SqlWork<List<T>> work = connection -> writer.write(connection, requests);
        return oneStatement.test(requests) ? database.inStatement(operation, work)
                : database.inTransaction(operation, work);
    }

    /** One caller's request and, once done, its outcome, published by {@code done}. */
    private static final class Pending<R, T> {
        final R request;
        /** The waiting thread, woken when its work is done or when it is first in line to commit. */
        final Thread caller;
        volatile boolean done;
        T result;
        RuntimeException failure;

        Pending(R request, Thread caller) {
            this.request = request;
            this.caller = caller;
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
