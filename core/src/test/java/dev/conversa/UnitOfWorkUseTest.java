package dev.conversa;

import static dev.conversa.TestBed.TENANT;
import static dev.conversa.TestBed.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.model.Text;
import dev.conversa.respond.Reply;
import dev.conversa.store.Inbox;
import dev.conversa.store.MessageStore;
import dev.conversa.store.Outbox;
import dev.conversa.store.Stores;
import dev.conversa.store.UnitOfWork;
import dev.conversa.store.memory.InMemoryStores;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Where the runtime draws its units of work: an event's pass and its completion in one; a reply
 * task's writes and its completion in one, with the responder outside it (a reply due at once
 * is answered in its message's pass, so the message completes with it); a send's outcome and
 * the history that records it in one. Watched by a unit of work that tells each store call
 * whether it runs inside.
 */
class UnitOfWorkUseTest {

    private final Watching unit = new Watching();
    private final List<String> inside = new CopyOnWriteArrayList<>();
    private final List<String> outside = new CopyOnWriteArrayList<>();
    private final AtomicBoolean responderInside = new AtomicBoolean(true);
    private final AtomicInteger responderCalls = new AtomicInteger();

    @Test
    void aReplyDueAtOnceIsAnsweredInTheMessagesPassAndTheResponderRunsOutside() {
        Stores stores = watchedStores();
        try (TestBed bed = bed(stores, Duration.ZERO)) {
            bed.deliver("m1", "alice", "hello");

            await().atMost(Duration.ofSeconds(10)).until(() -> bed.channel.sent(Text.class).size() == 1);
            bed.awaitIdle();
        }

        assertThat(responderInside).as("the responder ran inside a unit of work").isFalse();
        assertThat(responderCalls).as("responder calls").hasValue(1);
        assertThat(inside).as("store calls inside units").contains(
                "Inbox.complete", "MessageStore.append", "Outbox.enqueue", "Outbox.markSentAndClaimNext");
        assertThat(inside.stream().filter("Inbox.complete"::equals)).as("the message's, with its reply")
                .hasSize(1);
        assertThat(inside).as("no reply task was put in the inbox").doesNotContain("Inbox.scheduleReply");
        assertThat(outside).as("store calls that commit on their own")
                .doesNotContain("Inbox.complete", "Inbox.scheduleReply", "Outbox.enqueue",
                        "Outbox.markSentAndClaimNext")
                .contains("Inbox.append", "Inbox.claim", "Outbox.claim", "Outbox.markSending");
        assertThat(stores.messages().history(TENANT, key("alice"), 10)).hasSize(2);
    }

    @Test
    void aReplyDueLaterIsAReplyTaskWhoseWritesAndCompletionAreOneUnit() {
        Stores stores = watchedStores();
        try (TestBed bed = bed(stores, Duration.ofSeconds(1))) {
            bed.deliver("m1", "alice", "hello");
            await().atMost(Duration.ofSeconds(10)).until(() -> inside.contains("Inbox.scheduleReply"));
            bed.clock.advance(Duration.ofSeconds(2));

            await().atMost(Duration.ofSeconds(10)).until(() -> bed.channel.sent(Text.class).size() == 1);
            bed.awaitIdle();
        }

        assertThat(responderInside).as("the responder ran inside a unit of work").isFalse();
        assertThat(responderCalls).as("responder calls").hasValue(1);
        assertThat(inside).as("store calls inside units").contains(
                "Inbox.complete", "Inbox.scheduleReply", "MessageStore.append", "Outbox.enqueue", "Outbox.markSentAndClaimNext");
        assertThat(inside.stream().filter("Inbox.complete"::equals)).as("the event's and the reply task's")
                .hasSize(2);
        assertThat(outside).as("store calls that commit on their own")
                .doesNotContain("Inbox.complete", "Inbox.scheduleReply", "Outbox.enqueue",
                        "Outbox.markSentAndClaimNext")
                .contains("Inbox.append", "Inbox.claim", "Outbox.claim", "Outbox.markSending");
        assertThat(stores.messages().history(TENANT, key("alice"), 10)).hasSize(2);
    }

    private Stores watchedStores() {
        Stores base = InMemoryStores.create();
        return base.toBuilder()
                .inbox(watched(Inbox.class, base.inbox()))
                .outbox(watched(Outbox.class, base.outbox()))
                .messages(watched(MessageStore.class, base.messages()))
                .unitOfWork(unit)
                .build();
    }

    private TestBed bed(Stores stores, Duration quietWindow) {
        return new TestBed(stores, builder -> builder.burstQuietWindow(quietWindow)
                .responder(request -> {
                    responderCalls.incrementAndGet();
                    responderInside.set(unit.inside());
                    return Reply.text("hello back");
                }), true);
    }

    @SuppressWarnings("unchecked")
    private <T> T watched(Class<T> type, T delegate) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() != Object.class) {
                (unit.inside() ? inside : outside).add(type.getSimpleName() + "." + method.getName());
            }
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    /** Runs the work as it is and tells whether the calling thread is inside a unit. */
    private static final class Watching implements UnitOfWork {

        private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);

        boolean inside() {
            return depth.get() > 0;
        }

        @Override
        public <T> T run(Supplier<T> work) {
            depth.set(depth.get() + 1);
            try {
                return work.get();
            } finally {
                depth.set(depth.get() - 1);
            }
        }

        @Override
        public <T> T outside(Supplier<T> work) {
            int held = depth.get();
            depth.set(0);
            try {
                return work.get();
            } finally {
                depth.set(held);
            }
        }
    }
}
