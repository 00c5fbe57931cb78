package dev.conversa.store;

import java.util.function.Supplier;

/**
 * Makes the store calls of one piece of work commit together: every call the running thread
 * makes to the stores inside {@link #run} joins one transaction, which commits when the work
 * returns and rolls back when it throws. The dispatcher runs an inbox entry's pipeline pass and
 * its completion in one, and the outbox sender records a send's outcome in one, so a reply
 * costs a few commits rather than one per store call.
 *
 * <p>A call made inside sees what earlier calls of the same work wrote. A store call that fails
 * inside dooms the unit: nothing of it commits (later calls and the commit fail too, and the
 * work is tried again as a whole by whoever runs it). A unit of work run inside another joins
 * the outer one's transaction; when the inner work throws, or a call inside it failed, what it
 * wrote is undone (with the JDBC stores: back to a savepoint taken when it began) and the outer
 * unit may go on. Keep the work
 * short: it holds a database connection and the rows it wrote until it ends, so what waits on
 * a remote peer (a model, the Graph API) runs {@link #outside} it.
 *
 * <p>Stores that cannot group their calls use {@link #none()}, under which each call commits
 * on its own, as it would without a unit of work; the in-memory stores do. Implementations are
 * thread-safe.
 */
public interface UnitOfWork {

    /**
     * Runs work whose store calls on this thread commit together.
     *
     * @param work the work
     * @param <T> its result
     * @return the work's result, once committed
     * @throws RuntimeException what the work threw (after the rollback), or the store's failure
     *     to commit (a {@code ConversaException})
     */
    <T> T run(Supplier<T> work);

    /**
     * Runs work whose store calls on this thread commit together.
     *
     * @param work the work
     * @throws RuntimeException as {@link #run(Supplier)}
     */
    default void run(Runnable work) {
        run(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs work that waits on a remote peer (a model) in the middle of a unit of work, outside
     * its transaction: what the unit wrote so far commits first and its connection goes back,
     * store calls made by the work commit on their own, and the unit goes on afterwards in a new
     * transaction. Outside a unit of work it just runs the work.
     *
     * @param work the work
     * @param <T> its result
     * @return the work's result
     * @throws RuntimeException what the work threw, or the store's failure to commit what came
     *     before (a {@code ConversaException})
     */
    default <T> T outside(Supplier<T> work) {
        return work.get();
    }

    /**
     * The unit of work of stores whose calls each commit on their own: it runs the work and
     * nothing else.
     *
     * @return the unit of work
     */
    static UnitOfWork none() {
        return DirectUnitOfWork.INSTANCE;
    }
}
