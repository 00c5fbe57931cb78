package dev.conversa.jdbc.crash;

import dev.conversa.store.AccountStore;
import dev.conversa.store.AgentStore;
import dev.conversa.store.AuditLog;
import dev.conversa.store.ConsentStore;
import dev.conversa.store.ContactStore;
import dev.conversa.store.ConversationStore;
import dev.conversa.store.DeadLetterStore;
import dev.conversa.store.DeletionRequestStore;
import dev.conversa.store.ErasureLedger;
import dev.conversa.store.Inbox;
import dev.conversa.store.MessageStore;
import dev.conversa.store.Outbox;
import dev.conversa.store.Stores;
import dev.conversa.store.UnitOfWork;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The database as one process sees it, with a kill switch: once {@link #kill()} is called,
 * every call of that process into the stores parks its thread until the test ends and then
 * fails, so the process never writes again, like a process stopped with SIGKILL. The process
 * runs with the database's real units of work; what a unit of the killed process wrote and had
 * not committed is rolled back, as the database does for the connection of a dead process: its
 * next store call, and its commit, fail instead of parking, and the thread parks once the unit
 * has rolled back. Calls already inside the database complete, as a commit in flight may. Other
 * processes keep their own view of the same database.
 */
final class Killable {

    private final CountDownLatch dead = new CountDownLatch(1);
    private final CountDownLatch buried = new CountDownLatch(1);
    /** How deep the calling thread is in units of work of this process. */
    private final ThreadLocal<int[]> units = ThreadLocal.withInitial(() -> new int[1]);
    private final Stores stores;

    Killable(Stores real) {
        this.stores = Stores.builder()
                .accounts(guard(AccountStore.class, real.accounts()))
                .contacts(guard(ContactStore.class, real.contacts()))
                .conversations(guard(ConversationStore.class, real.conversations()))
                .messages(guard(MessageStore.class, real.messages()))
                .inbox(guard(Inbox.class, real.inbox()))
                .outbox(guard(Outbox.class, real.outbox()))
                .audit(guard(AuditLog.class, real.audit()))
                .consents(guard(ConsentStore.class, real.consents()))
                .deletionRequests(guard(DeletionRequestStore.class, real.deletionRequests()))
                .deadLetters(guard(DeadLetterStore.class, real.deadLetters()))
                .erasures(guard(ErasureLedger.class, real.erasures()))
                .agents(guard(AgentStore.class, real.agents()))
                .unitOfWork(guard(real.unitOfWork()))
                .build();
    }

    /** The stores this process uses. */
    Stores stores() {
        return stores;
    }

    /** Stops the process: from now on none of its threads reaches the database. */
    void kill() {
        dead.countDown();
    }

    boolean isDead() {
        return dead.getCount() == 0;
    }

    /** Parks the calling thread of a killed process until the test ends, then fails it. */
    void parkForever() {
        try {
            buried.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ProcessKilled();
    }

    /** Lets the parked threads end (after the test), without touching the database. */
    void bury() {
        kill();
        buried.countDown();
    }

    /**
     * A killed process's thread stops here: outside a unit of work it parks; inside one it fails,
     * so that the unit rolls back and the thread parks where the outermost unit began.
     */
    private void stopIfDead() {
        if (isDead()) {
            if (units.get()[0] > 0) {
                throw new ProcessKilled();
            }
            parkForever();
        }
    }

    private UnitOfWork guard(UnitOfWork real) {
        return new UnitOfWork() {
            @Override
            public <T> T run(Supplier<T> work) {
                stopIfDead();
                int[] depth = units.get();
                depth[0]++;
                try {
                    return real.run(() -> {
                        T result = work.get();
                        stopIfDead();
                        return result;
                    });
                } catch (ProcessKilled killed) {
                    if (depth[0] == 1) {
                        parkForever();
                    }
                    throw killed;
                } finally {
                    depth[0]--;
                }
            }

            @Override
            public <T> T outside(Supplier<T> work) {
                stopIfDead();
                return real.outside(work);
            }
        };
    }

    private <T> T guard(Class<T> type, T real) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(real, args);
            }
            stopIfDead();
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** What a thread of a killed process dies of, after the test. */
    static final class ProcessKilled extends Error {
        private static final long serialVersionUID = 1L;

        ProcessKilled() {
            super("the process was killed (test)");
        }
    }
}
