package dev.conversa;

import static dev.conversa.TestBed.TENANT;
import static dev.conversa.TestBed.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.SendRequest;
import dev.conversa.channel.SendResult;
import dev.conversa.channel.WebhookPayload;
import dev.conversa.graph.GraphClient;
import dev.conversa.lang.Secret;
import dev.conversa.model.Author;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.EventHeader;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.MessageContext;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.SenderProfile;
import dev.conversa.model.Template;
import dev.conversa.model.Text;
import dev.conversa.privacy.OptOutKeywords;
import dev.conversa.respond.Reply;
import dev.conversa.store.ConsentRecord;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import dev.conversa.testsupport.EchoTestChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * STOP and START end to end on a running {@link Conversa}: the keyword is confirmed once, and
 * the outbox's send gate refuses every automated message to the person afterwards, on every
 * channel and linked identity, until START.
 */
class StopAndStartTest {

    private static final String OFFER = "Here is our offer.";
    private static final String OPTED_OUT = OptOutKeywords.defaults().match("STOP").orElseThrow().confirmation();
    private static final String OPTED_IN = OptOutKeywords.defaults().match("START").orElseThrow().confirmation();

    private final AtomicInteger responderCalls = new AtomicInteger();
    private final ScriptedChannel messengerSends = new ScriptedChannel();
    private final TestBed bed = new TestBed(builder -> builder
            .responder(request -> {
                responderCalls.incrementAndGet();
                return Reply.text(OFFER);
            })
            .channel(new RetypedChannel(ChannelType.MESSENGER, messengerSends))
            .burstQuietWindow(Duration.ZERO)
            .burstMaxWait(Duration.ZERO));

    @AfterEach
    void closeBed() {
        bed.close();
    }

    @Test
    void afterStopAnAutomatedReplyATemplateAndAHostSendAreRefusedWithAReason() {
        // given: the bot's reply to "hello" still waits in the outbox when STOP is processed
        bed.channel.duringNextSend(() -> {
            bed.deliver("m-2", "alice", "STOP");
            await().until(() -> bed.stores.consents().isOptedOut(TENANT, EchoTestChannel.TYPE, "alice",
                    ConsentRecord.ALL));
        });
        bed.deliver("m-1", "alice", "hello");
        bed.awaitIdle();

        // when
        OutboxEntry template = bed.conversa.send(TENANT, OutboundMessage.of(key("alice"),
                new Template("spring_offer", "en_US", List.of())));
        OutboxEntry hostSend = bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "Spring sale!"));
        bed.awaitIdle();

        // then
        OutboxEntry reply = entryWith(new Text(OFFER));
        for (OutboxEntry refused : List.of(reply, find(template), find(hostSend))) {
            assertThat(refused.state()).isEqualTo(OutboxState.DEAD);
            assertThat(refused.lastError()).get().asString().startsWith(SendGate.OPTED_OUT);
        }
        assertThat(bed.channel.sent(Text.class)).containsExactly(new Text(OPTED_OUT));
        assertThat(bed.channel.sent(Template.class)).isEmpty();
    }

    @Test
    void anAgentMayAnswerAMessageThePersonWritesAfterTheOptOut() {
        // given
        optOut("alice");
        OutboxEntry early = bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "Sorry to see you go")
                .by(Author.AGENT));
        bed.awaitIdle();

        // when: the person writes again, and an agent answers
        bed.clock.advance(Duration.ofMinutes(1));
        bed.deliver("m-2", "alice", "Where is my parcel?");
        bed.awaitIdle();
        OutboxEntry answer = bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "It left today.")
                .by(Author.AGENT));
        bed.awaitIdle();

        // then
        assertThat(find(early).state()).isEqualTo(OutboxState.DEAD);
        assertThat(find(early).lastError()).get().asString().startsWith(SendGate.OPTED_OUT)
                .contains("a person may answer only a message they write after it");
        assertThat(find(answer).state()).isEqualTo(OutboxState.SENT);
        assertThat(responderCalls).hasValue(0);
        assertThat(bed.channel.sent(Text.class)).containsExactly(new Text(OPTED_OUT), new Text("It left today."));
    }

    @Test
    void startAllowsAutomatedMessagesAgain() {
        // given
        optOut("alice");
        bed.clock.advance(Duration.ofMinutes(1));

        // when
        bed.deliver("m-2", "alice", "Start");
        bed.awaitIdle();
        bed.clock.advance(Duration.ofMinutes(1));
        OutboxEntry hostSend = bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "Spring sale!"));
        bed.deliver("m-3", "alice", "hello again");
        await().until(() -> bed.channel.sent(Text.class).contains(new Text(OFFER)));
        bed.awaitIdle();

        // then
        assertThat(find(hostSend).state()).isEqualTo(OutboxState.SENT);
        assertThat(responderCalls).hasValue(1);
        assertThat(bed.channel.sent(Text.class)).containsExactly(new Text(OPTED_OUT), new Text(OPTED_IN),
                new Text("Spring sale!"), new Text(OFFER));
    }

    @Test
    void stopWithinASentenceIsNoOptOut() {
        bed.deliver("m-1", "alice", "stop, I'll come tomorrow");
        await().until(() -> bed.channel.sent(Text.class).contains(new Text(OFFER)));
        bed.awaitIdle();

        assertThat(bed.stores.consents().list(TENANT, EchoTestChannel.TYPE, "alice")).isEmpty();
        assertThat(responderCalls).hasValue(1);
    }

    @Test
    void theConfirmationGoesOnceAndTheResponderIsNotAskedEvenWhenMetaDeliversTheStopAgain() {
        // when
        bed.deliver("m-1", "alice", "STOP");
        bed.awaitIdle();
        bed.deliver("m-1", "alice", "STOP");
        bed.awaitIdle();

        // then
        assertThat(allOutbox()).singleElement().satisfies(entry -> {
            assertThat(entry.message().content()).isEqualTo(new Text(OPTED_OUT));
            assertThat(entry.state()).isEqualTo(OutboxState.SENT);
        });
        assertThat(bed.channel.sent(Text.class)).containsExactly(new Text(OPTED_OUT));
        assertThat(responderCalls).hasValue(0);
    }

    @Test
    void theOptOutCoversTheSamePersonOnAnotherChannel() {
        // given: the person writes on Messenger with the phone number that is their id on the test channel
        bed.conversa.registerAccount(ChannelAccount.of(TENANT, ChannelType.MESSENGER, "page-1", Secret.of("t")));
        ConversationKey messenger = new ConversationKey(ChannelType.MESSENGER, "page-1", "psid-77");
        arriveOnMessenger("mid-1", "Hi there");
        await().until(() -> messengerSends.sent(Text.class).contains(new Text(OFFER)));
        bed.awaitIdle();

        // when: STOP on the test channel, then the bot and the host try Messenger
        bed.deliver("m-1", "34612345678", "STOP");
        bed.awaitIdle();
        bed.clock.advance(Duration.ofMinutes(1));
        arriveOnMessenger("mid-2", "Hello?");
        OutboxEntry hostSend = bed.conversa.send(TENANT, OutboundMessage.text(messenger, "Spring sale!"));
        bed.awaitIdle();

        // then
        assertThat(find(hostSend).state()).isEqualTo(OutboxState.DEAD);
        assertThat(find(hostSend).lastError()).get().asString().startsWith(SendGate.OPTED_OUT);
        assertThat(responderCalls).hasValue(1);
        assertThat(messengerSends.sent(Text.class)).containsExactly(new Text(OFFER));
    }

    private void arriveOnMessenger(String id, String text) {
        EventHeader header = new EventHeader(ChannelType.MESSENGER, "page-1", "psid-77", id, bed.clock.instant());
        InboundEvent event = new InboundMessage(header, new Text(text), MessageContext.NONE,
                new SenderProfile(Optional.of("Ana"), Optional.empty(), Optional.of("+34 612 345 678")));
        bed.stores.inbox().append(TENANT, List.of(event), bed.clock.instant());
    }

    private void optOut(String contact) {
        bed.deliver("m-1", contact, "STOP");
        bed.awaitIdle();
        assertThat(bed.channel.sent(Text.class)).containsExactly(new Text(OPTED_OUT));
    }

    private OutboxEntry find(OutboxEntry entry) {
        return bed.stores.outbox().find(TENANT, entry.id()).orElseThrow();
    }

    private OutboxEntry entryWith(Text content) {
        return allOutbox().stream().filter(entry -> entry.message().content().equals(content)).findFirst()
                .orElseThrow();
    }

    private List<OutboxEntry> allOutbox() {
        List<OutboxEntry> all = new ArrayList<>();
        for (OutboxState state : OutboxState.values()) {
            all.addAll(bed.stores.outbox().list(TENANT, state, 100));
        }
        return all;
    }

    /** Another channel type over a scripted channel: sends only, reads no webhooks. */
    private record RetypedChannel(ChannelType type, ScriptedChannel sends) implements ChannelAdapter {

        @Override
        public String webhookObject() {
            return "retyped";
        }

        @Override
        public List<InboundEvent> normalize(WebhookPayload payload) {
            return List.of();
        }

        @Override
        public SendResult send(SendRequest request, GraphClient graph) {
            return sends.send(request, graph);
        }

        @Override
        public ChannelCapabilities capabilities() {
            return sends.capabilities();
        }
    }
}
