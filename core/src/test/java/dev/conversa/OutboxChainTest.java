package dev.conversa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.model.Text;
import dev.conversa.respond.Reply;
import dev.conversa.store.OutboxState;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.testsupport.CountingOutbox;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A reply of several messages leaves with one claim of the outbox: once an entry is sent, the
 * sender claims its conversation's next entry in the same unit of work ({@code Outbox.claimNext})
 * and sends it, instead of claiming each one afresh.
 */
class OutboxChainTest {

    @Test
    void aReplysTypingIndicatorAndItsMessagesLeaveInOrderWithOneClaim() {
        // given: the sender polls every ten minutes, so it claims only when woken
        AtomicInteger claims = new AtomicInteger();
        Stores stores = InMemoryStores.create();
        Stores counted = stores.toBuilder().outbox(CountingOutbox.claims(stores.outbox(), claims)).build();
        Reply threeTexts = new Reply.Answer(List.of(new Text("One."), new Text("Two."), new Text("Three.")));
        try (TestBed bed = new TestBed(counted, builder -> builder.pollInterval(Duration.ofMinutes(10))
                .burstQuietWindow(Duration.ZERO).responder(request -> threeTexts), true)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> claims.get() >= 1);
            int atStart = claims.get();

            // when
            bed.deliver("m1", "alice", "hello");
            await().atMost(Duration.ofSeconds(10)).until(() -> bed.channel.sent(Text.class).size() == 3);
            bed.awaitIdle();

            // then: the typing indicator, then the three texts, in order; the wake's claim found the
            // indicator, each sent entry claimed the next, and one more claim found nothing
            assertThat(bed.channel.attempts()).extracting(request -> request.message().content().getClass()
                    .getSimpleName()).containsExactly("Typing", "Text", "Text", "Text");
            assertThat(bed.channel.sent(Text.class)).extracting(Text::body).containsExactly("One.", "Two.", "Three.");
            assertThat(claims.get() - atStart).as("claims for four entries").isLessThanOrEqualTo(2);
        }
    }

    @Test
    void theTypingIndicatorGoesWithoutBeingMarkedSendingItsMessagesAreMarked() {
        // given
        AtomicInteger markings = new AtomicInteger();
        Stores stores = InMemoryStores.create();
        Stores counted = stores.toBuilder().outbox(CountingOutbox.calls(stores.outbox(), "markSending", markings))
                .build();
        Reply twoTexts = new Reply.Answer(List.of(new Text("One."), new Text("Two.")));
        try (TestBed bed = new TestBed(counted, builder -> builder.burstQuietWindow(Duration.ZERO)
                .responder(request -> twoTexts), true)) {

            // when
            bed.deliver("m1", "alice", "hello");
            await().atMost(Duration.ofSeconds(10)).until(() -> bed.channel.sent(Text.class).size() == 2);
            bed.awaitIdle();

            // then: a marker sent twice does no harm, so it skips the exactly-once step; each text takes it
            assertThat(bed.channel.attempts()).extracting(request -> request.message().content().getClass()
                    .getSimpleName()).containsExactly("Typing", "Text", "Text");
            assertThat(markings.get()).as("entries marked SENDING").isEqualTo(2);
            assertThat(stores.outbox().list(TestBed.TENANT, OutboxState.SENT, 10)).hasSize(3);
        }
    }
}
