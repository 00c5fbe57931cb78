package dev.conversa;

import static dev.conversa.TestBed.TENANT;
import static dev.conversa.TestBed.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.conversa.model.Author;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationState;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Direction;
import dev.conversa.model.Echo;
import dev.conversa.model.EventHeader;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.Text;
import dev.conversa.model.Typing;
import dev.conversa.respond.Reply;
import dev.conversa.store.OutboxState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConversaFlowTest {

    private final AtomicInteger responderCalls = new AtomicInteger();
    private final TestBed bed = new TestBed(builder -> builder.responder(request -> {
        responderCalls.incrementAndGet();
        return Reply.text("Answer to: " + request.latestText());
    }));

    @AfterEach
    void closeBed() {
        bed.close();
    }

    @Test
    void answersACustomerMessageAfterTheQuietWindow() {
        // given
        bed.deliver("m1", "alice", "hello");
        awaitReplyScheduled("alice");

        // when
        bed.clock.advance(Duration.ofSeconds(2));

        // then
        await().untilAsserted(() -> assertThat(bed.channel.sent(Text.class)).containsExactly(new Text("Answer to: hello")));
        await().untilAsserted(() -> assertThat(history("alice")).extracting(MessageRecord::messageId, MessageRecord::status)
                .containsExactly(
                        tuple("m1", DeliveryStatus.DELIVERED),
                        tuple("out-1", DeliveryStatus.SENT)));
    }

    @Test
    void marksTheMessageReadAndShowsTypingBeforeTheAnswer() {
        bed.deliver("m1", "alice", "hello");
        awaitReplyScheduled("alice");

        bed.clock.advance(Duration.ofSeconds(2));

        await().untilAsserted(() -> assertThat(bed.channel.sent(Text.class)).hasSize(1));
        assertThat(bed.channel.attempts()).extracting(request -> request.message().content().kind())
                .containsExactly("typing", "text");
        assertThat(bed.channel.sent(Typing.class)).containsExactly(new Typing(true, Optional.of("m1")));
    }

    @Test
    void storesAndAnswersADuplicateDeliveryOnce() {
        // given
        bed.deliver("m1", "alice", "hello");
        bed.deliver("m1", "alice", "hello");
        awaitReplyScheduled("alice");

        // when
        bed.clock.advance(Duration.ofSeconds(2));

        // then
        await().untilAsserted(() -> assertThat(bed.channel.sent(Text.class)).hasSize(1));
        bed.awaitIdle();
        assertThat(history("alice")).filteredOn(m -> m.direction() == Direction.INBOUND).hasSize(1);
        assertThat(bed.channel.sent(Text.class)).hasSize(1);
        assertThat(responderCalls).hasValue(1);
    }

    @Test
    void answersABurstOfThreeQuickMessagesOnce() {
        // given
        bed.deliver("m1", "alice", "hi");
        bed.clock.advance(Duration.ofMillis(500));
        bed.deliver("m2", "alice", "I have a question");
        bed.clock.advance(Duration.ofMillis(500));
        bed.deliver("m3", "alice", "about shipping");
        await().untilAsserted(() -> assertThat(conversation("alice").replyDueAt())
                .contains(bed.clock.instant().plus(Conversa.Builder.DEFAULT_BURST_QUIET_WINDOW)));

        // when
        bed.clock.advance(Duration.ofSeconds(2));

        // then
        await().untilAsserted(() -> assertThat(bed.channel.sent(Text.class)).hasSize(1));
        bed.awaitIdle();
        assertThat(bed.channel.sent(Text.class))
                .containsExactly(new Text("Answer to: hi\nI have a question\nabout shipping"));
        assertThat(responderCalls).hasValue(1);
    }

    @Test
    void burstIsAnsweredNoLaterThanTheMaximumWait() {
        // given: a message every second for twelve seconds, never a quiet window
        for (int i = 0; i < 12; i++) {
            bed.deliver("m" + i, "alice", "part " + i);
            String id = "m" + i;
            await().until(() -> history("alice").stream().anyMatch(m -> m.messageId().equals(id)));
            bed.clock.advance(Duration.ofSeconds(1));
        }

        // then: the reply went out when ten seconds had passed since the first message
        await().untilAsserted(() -> assertThat(bed.channel.sent(Text.class)).isNotEmpty());
        assertThat(bed.channel.sent(Text.class).get(0).body()).startsWith("Answer to: part 0\npart 1");
    }

    @Test
    void echoFromElsewhereGivesTheConversationToAPersonAndSilencesTheBot() {
        // given
        bed.deliver("m1", "alice", "hello");
        awaitReplyScheduled("alice");

        // when: the business answers from its phone
        Echo echo = new Echo(new EventHeader(bed.channel.type(), TestBed.ACCOUNT, "alice", "phone-1",
                bed.clock.instant()), new Text("I am on it"), Optional.empty(), Optional.empty());
        bed.stores.inbox().append(TENANT, List.of(echo), bed.clock.instant());
        await().until(() -> conversation("alice").state() == ConversationState.WITH_AGENT);
        bed.clock.advance(Duration.ofSeconds(2));

        // then
        bed.awaitIdle();
        assertThat(bed.channel.attempts()).isEmpty();
        assertThat(responderCalls).hasValue(0);
        assertThat(history("alice")).extracting(MessageRecord::author)
                .containsExactly(Author.CUSTOMER, Author.BUSINESS_ELSEWHERE);
    }

    private void awaitReplyScheduled(String contact) {
        await().until(() -> bed.stores.conversations().find(TENANT, key(contact))
                .flatMap(c -> c.replyDueAt()).isPresent());
    }

    private Conversation conversation(String contact) {
        return bed.stores.conversations().find(TENANT, key(contact)).orElseThrow();
    }

    private List<MessageRecord> history(String contact) {
        return bed.stores.messages().history(TENANT, key(contact), 50);
    }
}
