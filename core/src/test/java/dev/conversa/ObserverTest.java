package dev.conversa;

import static dev.conversa.TestBed.TENANT;
import static dev.conversa.TestBed.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.graph.GraphApiException;
import dev.conversa.model.ChannelType;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.Text;
import dev.conversa.observe.ConversaObserver;
import dev.conversa.observe.SendOutcome;
import dev.conversa.respond.Reply;
import dev.conversa.testsupport.TestSignatures;
import dev.conversa.webhook.WebhookResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link ConversaObserver} hears webhook answers, the pipeline, responder and send latencies
 * and send outcomes.
 */
class ObserverTest {

    private final Recording observer = new Recording();
    private TestBed bed;

    @AfterEach
    void closeBed() {
        bed.close();
    }

    @Test
    void hearsTheResponderTheReplyQueuedAndEachSendWithItsOutcome() {
        // given: the responder takes 3 s
        bed = new TestBed(builder -> builder.observer(observer).responder(request -> {
            bed.clock.advance(Duration.ofSeconds(3));
            return Reply.text("Answer");
        }));
        bed.deliver("m1", "alice", "hello");
        await().until(() -> bed.stores.conversations().find(TENANT, key("alice"))
                .flatMap(c -> c.replyDueAt()).isPresent());

        // when: the burst window passes
        bed.clock.advance(Duration.ofSeconds(2));

        // then
        await().untilAsserted(() -> assertThat(bed.channel.sent(Text.class)).containsExactly(new Text("Answer")));
        ChannelType channel = bed.channel.type();
        bed.awaitIdle();
        assertThat(observer.responses).containsExactly(new Response(channel, "answer", Duration.ofSeconds(3)));
        assertThat(observer.replies).containsExactly(new Queued(channel, Duration.ofSeconds(5)));
        assertThat(observer.sends).isNotEmpty()
                .allSatisfy(send -> assertThat(send).isEqualTo(new Send(channel, SendOutcome.SENT, Duration.ZERO)));
    }

    @Test
    void hearsEachTriedSendWithItsLatencyAndOutcome() {
        bed = new TestBed(builder -> builder.observer(observer).responder(request -> Reply.silence()));
        bed.deliver("m1", "alice", "hello");
        await().until(() -> bed.stores.conversations().find(TENANT, key("alice"))
                .flatMap(c -> c.lastInboundAt()).isPresent());
        ChannelType channel = bed.channel.type();

        bed.channel.onNextSend(() -> bed.clock.advance(Duration.ofSeconds(1)), () -> { });
        bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "takes a second"));
        await().untilAsserted(() -> assertThat(observer.sends).containsExactly(
                new Send(channel, SendOutcome.SENT, Duration.ofSeconds(1))));
        bed.channel.failNextSend(GraphApiException.builder("bad parameter").httpStatus(400).code(100).build());
        bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "refused"));

        await().untilAsserted(() -> assertThat(observer.sends).containsExactly(
                new Send(channel, SendOutcome.SENT, Duration.ofSeconds(1)),
                new Send(channel, SendOutcome.DEAD, Duration.ZERO)));
        assertThat(observer.responses).isEmpty();
    }

    @Test
    void anObserverThatThrowsChangesNothing() {
        bed = new TestBed(builder -> builder.responder(request -> Reply.text("Answer"))
                .observer(new ConversaObserver() {
                    @Override
                    public void responderFinished(ChannelType channel, String outcome, Duration latency) {
                        throw new IllegalStateException("observer broke");
                    }

                    @Override
                    public void sendFinished(ChannelType channel, SendOutcome outcome, Duration latency) {
                        throw new IllegalStateException("observer broke");
                    }
                }));
        bed.deliver("m1", "alice", "hello");
        await().until(() -> bed.stores.conversations().find(TENANT, key("alice"))
                .flatMap(c -> c.replyDueAt()).isPresent());

        bed.clock.advance(Duration.ofSeconds(2));

        await().untilAsserted(() -> assertThat(bed.channel.sent(Text.class)).containsExactly(new Text("Answer")));
        bed.awaitIdle();
    }

    @Test
    void hearsEachWebhookCallWithItsStatus() {
        bed = new TestBed(builder -> builder.observer(observer).responder(request -> Reply.silence()));

        bed.deliver("m1", "alice", "hello");
        WebhookResponse refused = bed.conversa.webhooks().handle(TestSignatures.signedPost("{}", "another secret"));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(observer.webhooks).extracting(Answered::status).containsExactly(200, 401);
        assertThat(observer.webhooks).allSatisfy(call -> assertThat(call.latency()).isPositive());
    }

    @Test
    void aWebhookObserverThatThrowsChangesNoAnswer() {
        bed = new TestBed(builder -> builder.responder(request -> Reply.silence())
                .observer(new ConversaObserver() {
                    @Override
                    public void webhookAnswered(int status, Duration latency) {
                        throw new IllegalStateException("observer broke");
                    }
                }));

        bed.deliver("m1", "alice", "hello");

        await().until(() -> bed.stores.conversations().find(TENANT, key("alice"))
                .flatMap(c -> c.lastInboundAt()).isPresent());
    }

    record Answered(int status, Duration latency) {}

    record Send(ChannelType channel, SendOutcome outcome, Duration latency) {}

    record Response(ChannelType channel, String outcome, Duration latency) {}

    record Queued(ChannelType channel, Duration sinceReceipt) {}

    static final class Recording implements ConversaObserver {
        final List<Send> sends = new CopyOnWriteArrayList<>();
        final List<Response> responses = new CopyOnWriteArrayList<>();
        final List<Queued> replies = new CopyOnWriteArrayList<>();
        final List<Answered> webhooks = new CopyOnWriteArrayList<>();

        @Override
        public void webhookAnswered(int status, Duration latency) {
            webhooks.add(new Answered(status, latency));
        }

        @Override
        public void replyQueued(ChannelType channel, Duration sinceReceipt) {
            replies.add(new Queued(channel, sinceReceipt));
        }

        @Override
        public void responderFinished(ChannelType channel, String outcome, Duration latency) {
            responses.add(new Response(channel, outcome, latency));
        }

        @Override
        public void sendFinished(ChannelType channel, SendOutcome outcome, Duration latency) {
            sends.add(new Send(channel, outcome, latency));
        }
    }
}
