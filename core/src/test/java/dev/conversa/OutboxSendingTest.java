package dev.conversa;

import static dev.conversa.TestBed.TENANT;
import static dev.conversa.TestBed.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.conversation.internal.Ownership;
import dev.conversa.graph.GraphApiException;
import dev.conversa.model.Author;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.Template;
import dev.conversa.model.Text;
import dev.conversa.respond.Reply;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboxSendingTest {

    private final AtomicReference<Runnable> duringResponse = new AtomicReference<>(() -> { });
    private final AtomicReference<Reply> reply = new AtomicReference<>(Reply.text("bot answer"));
    private final TestBed bed = new TestBed(builder -> builder.responder(request -> {
        duringResponse.get().run();
        return reply.get();
    }));

    @AfterEach
    void closeBed() {
        bed.close();
    }

    @Test
    void discardsABotReplyWhenAPersonTookOverBeforeItWasSent() {
        // given: a person takes the conversation while the responder is answering
        duringResponse.set(() -> bed.conversa.conversations().changeState(TENANT, key("alice"),
                ConversationState.WITH_AGENT));
        customerWrites("alice");

        // when
        bed.clock.advance(Duration.ofSeconds(2));

        // then: the typing marker and the reply are both discarded
        await().untilAsserted(() -> assertThat(bed.stores.outbox().list(TENANT, OutboxState.DEAD, 10))
                .extracting(entry -> entry.lastError().orElseThrow())
                .hasSize(2).containsOnly(Ownership.TAKEN_OVER));
        assertThat(bed.channel.attempts()).isEmpty();
        assertThat(bed.stores.messages().history(TENANT, key("alice"), 10))
                .filteredOn(m -> m.author() == Author.BOT)
                .extracting(MessageRecord::status)
                .containsExactly(DeliveryStatus.FAILED);
    }

    @Test
    void deliversTheBotsHandoffMessageAfterItHandedTheConversationOver() {
        // given
        reply.set(new Reply.Handoff(Optional.of("A colleague will answer you."), "asked for a person"));
        customerWrites("alice");

        // when
        bed.clock.advance(Duration.ofSeconds(2));

        // then
        await().untilAsserted(() -> assertThat(bed.channel.sent(Text.class))
                .containsExactly(new Text("A colleague will answer you.")));
        assertThat(bed.conversa.conversations().find(TENANT, key("alice")).orElseThrow().state())
                .isEqualTo(ConversationState.WAITING_FOR_AGENT);
    }

    @Test
    void sendsAnAgentMessageWhileAPersonHoldsTheConversation() {
        customerWrites("alice");
        bed.conversa.conversations().changeState(TENANT, key("alice"), ConversationState.WITH_AGENT);

        bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "Hi, Sam here").by(Author.AGENT));

        await().untilAsserted(() -> assertThat(bed.channel.sent(Text.class)).containsExactly(new Text("Hi, Sam here")));
    }

    @Test
    void refusesFreeFormTextOutsideTheReplyWindow() {
        // given
        customerWrites("alice");
        bed.clock.advance(Duration.ofHours(25));

        // when
        OutboxEntry entry = bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "late news"));

        // then
        await().until(() -> state(entry) == OutboxState.DEAD);
        assertThat(bed.stores.outbox().find(TENANT, entry.id()).orElseThrow().lastError().orElseThrow())
                .contains("outside the channel's reply window of 24 hours");
        assertThat(bed.channel.sent(Text.class)).isEmpty();
    }

    @Test
    void sendsATemplateOutsideTheReplyWindow() {
        customerWrites("alice");
        bed.clock.advance(Duration.ofHours(25));

        OutboxEntry entry = bed.conversa.send(TENANT,
                OutboundMessage.of(key("alice"), new Template("order_update", "en_US", List.of())));

        await().until(() -> state(entry) == OutboxState.SENT);
        assertThat(bed.channel.sent(Template.class)).hasSize(1);
    }

    @Test
    void letsAnAgentUseTheHumanAgentWindow() {
        customerWrites("alice");
        bed.clock.advance(Duration.ofDays(3));

        OutboxEntry entry = bed.conversa.send(TENANT,
                OutboundMessage.text(key("alice"), "Sorry for the wait").by(Author.AGENT));

        await().until(() -> state(entry) == OutboxState.SENT);
    }

    @Test
    void retriesARetryableGraphErrorAndThenSends() {
        // given
        customerWrites("alice");
        bed.channel.failNextSend(graphError(true));

        // when
        OutboxEntry entry = bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "hello"));
        await().until(() -> bed.stores.outbox().find(TENANT, entry.id()).orElseThrow().lastError().isPresent());
        bed.clock.advance(Duration.ofSeconds(5));

        // then
        await().until(() -> state(entry) == OutboxState.SENT);
        assertThat(bed.channel.attempts()).filteredOn(r -> r.message().content().equals(new Text("hello"))).hasSize(2);
        assertThat(bed.stores.messages().find(TENANT, bed.channel.type(), "out-1"))
                .get().extracting(MessageRecord::status).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void failsForGoodOnANonRetryableGraphError() {
        customerWrites("alice");
        bed.channel.failNextSend(graphError(false));

        OutboxEntry entry = bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "hello"));

        await().until(() -> state(entry) == OutboxState.DEAD);
        assertThat(bed.stores.outbox().find(TENANT, entry.id()).orElseThrow().lastError().orElseThrow())
                .contains("code 131047").doesNotContain("hello");
        assertThat(bed.stores.messages().find(TENANT, bed.channel.type(), entry.provisionalMessageId()))
                .get().extracting(MessageRecord::status).isEqualTo(DeliveryStatus.FAILED);
    }

    @Test
    void marksASendWithoutAnswerUncertainAndNeverResendsIt() {
        // given
        customerWrites("alice");
        bed.channel.failNextSend(GraphApiException.builder("Graph API call timed out").outcomeUnknown(true).build());

        // when
        OutboxEntry first = bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "hello"));
        OutboxEntry second = bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "second"));

        // then
        await().until(() -> state(second) == OutboxState.SENT);
        assertThat(state(first)).isEqualTo(OutboxState.SEND_UNCERTAIN);
        assertThat(bed.channel.attempts()).filteredOn(r -> r.message().content().equals(new Text("hello"))).hasSize(1);
        assertThat(bed.stores.messages().find(TENANT, bed.channel.type(), first.provisionalMessageId()))
                .get().extracting(MessageRecord::status).isEqualTo(DeliveryStatus.SEND_UNCERTAIN);
    }

    @Test
    void marksASendUncertainWhenTheAdapterBreaksMidSend() {
        customerWrites("alice");
        bed.channel.failNextSend(new IllegalStateException("adapter bug"));

        OutboxEntry entry = bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "hello"));

        await().until(() -> state(entry) == OutboxState.SEND_UNCERTAIN);
        assertThat(bed.channel.attempts()).hasSize(1);
    }

    @Test
    void triesAgainWhenTheAdapterBrokeBeforeItsRequest() {
        customerWrites("alice");
        bed.channel.failNextSendBeforeRequest(new IllegalStateException("adapter bug before the request"));

        OutboxEntry entry = bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "hello"));
        await().until(() -> bed.stores.outbox().find(TENANT, entry.id()).orElseThrow().lastError().isPresent());
        assertThat(state(entry)).isEqualTo(OutboxState.PENDING);
        bed.clock.advance(Duration.ofSeconds(5));

        await().until(() -> state(entry) == OutboxState.SENT);
        assertThat(bed.channel.attempts()).filteredOn(r -> r.message().content().equals(new Text("hello"))).hasSize(2);
    }

    @Test
    void failsForGoodWhenTheAdapterRefusesTheMessage() {
        customerWrites("alice");
        bed.channel.failNextSend(new IllegalArgumentException("text longer than 4096 characters"));

        OutboxEntry entry = bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "hello"));

        await().until(() -> state(entry) == OutboxState.DEAD);
        assertThat(bed.stores.outbox().find(TENANT, entry.id()).orElseThrow().lastError().orElseThrow())
                .contains("4096");
    }

    @Test
    void failsForGoodWhenNoAccountIsRegisteredForTheSender() {
        customerWrites("alice");
        ConversationKey otherAccount = new ConversationKey(bed.channel.type(), "acct-unknown", "alice");

        OutboxEntry entry = bed.conversa.send(TENANT, OutboundMessage.of(otherAccount,
                new Template("order_update", "en_US", List.of())));

        await().until(() -> state(entry) == OutboxState.DEAD);
        assertThat(bed.stores.outbox().find(TENANT, entry.id()).orElseThrow().lastError().orElseThrow())
                .contains("no account acct-unknown is registered");
        assertThat(bed.channel.attempts()).isEmpty();
    }

    @Test
    void sendsOncePerIdempotencyKey() {
        customerWrites("alice");

        OutboxEntry first = bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "hello"), "order-7");
        OutboxEntry second = bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "hello"), "order-7");

        assertThat(second.id()).isEqualTo(first.id());
        await().until(() -> state(first) == OutboxState.SENT);
        assertThat(bed.channel.sent(Text.class)).hasSize(1);
    }

    /** A customer message that the responder leaves unanswered until the clock moves. */
    private void customerWrites(String contact) {
        bed.deliver("m-" + contact, contact, "hello");
        await().until(() -> bed.stores.conversations().find(TENANT, key(contact))
                .flatMap(c -> c.lastInboundAt()).isPresent());
    }

    private OutboxState state(OutboxEntry entry) {
        return bed.stores.outbox().find(TENANT, entry.id()).orElseThrow().state();
    }

    private static GraphApiException graphError(boolean retryable) {
        return GraphApiException.builder("test failure").httpStatus(retryable ? 429 : 400)
                .code(retryable ? null : 131047).fbtraceId("trace-1").retryable(retryable).build();
    }
}
