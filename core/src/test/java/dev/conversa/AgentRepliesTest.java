package dev.conversa;

import static dev.conversa.TestBed.TENANT;
import static dev.conversa.TestBed.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.conversa.agent.Agent;
import dev.conversa.agent.AgentQueue;
import dev.conversa.agent.Presence;
import dev.conversa.agent.ReplyRefusedException;
import dev.conversa.agent.ReplyRefusedException.Rule;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.SendRequest;
import dev.conversa.conversation.internal.Ownership;
import dev.conversa.model.Author;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.Direction;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.Template;
import dev.conversa.model.Text;
import dev.conversa.model.Typing;
import dev.conversa.respond.Reply;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code conversa.agents().reply}: only the agent holding a conversation answers, through the
 * outbox, recorded with the agent's id; each channel's window is checked before anything is
 * queued; and the bot stays silent while a person holds the conversation, even a reply it was
 * already producing at the takeover.
 */
class AgentRepliesTest {

    private static final ChannelCapabilities WHATSAPP = ChannelCapabilities.builder()
            .maxTextLength(4096).templates(true).replyWindow(Duration.ofHours(24)).build();
    private static final ChannelCapabilities MESSENGER = ChannelCapabilities.builder()
            .maxTextLength(2000).replyWindow(Duration.ofHours(24)).humanAgentWindow(Duration.ofDays(7)).build();
    private static final Template TEMPLATE = new Template("order_update", "en_US", List.of());

    private final CountDownLatch responderEntered = new CountDownLatch(1);
    private final CountDownLatch responderMayFinish = new CountDownLatch(1);
    private TestBed bed;

    @AfterEach
    void closeBed() {
        responderMayFinish.countDown();
        if (bed != null) {
            bed.close();
        }
    }

    private UnaryOperator<Conversa.Builder> configuration() {
        return builder -> builder.responder(request -> {
            List<MessageRecord> unanswered = request.unanswered();
            String text = unanswered.isEmpty() ? "" : unanswered.get(unanswered.size() - 1).text().orElse("");
            if (text.contains("slow")) {
                responderEntered.countDown();
                try {
                    responderMayFinish.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Reply.text("bot: late answer");
            }
            return text.contains("agent") ? new Reply.Handoff(Optional.empty(), "asked for a person")
                    : Reply.text("bot: " + text);
        });
    }

    private Agents start(ScriptedChannel channel) {
        bed = new TestBed(channel, configuration());
        Agents agents = bed.conversa.agents();
        for (String id : List.of("ana", "bea")) {
            agents.save(Agent.builder().tenant(TENANT).id(id).displayName("Agent " + id).queue(AgentQueue.DEFAULT_ID)
                    .presence(Presence.ONLINE).maxConversations(3).build());
        }
        return agents;
    }

    private Agents start() {
        return start(new ScriptedChannel());
    }

    /** The customer asks for a person and the agent takes the conversation. */
    private ConversationKey heldBy(Agents agents, String contact, String agentId) {
        bed.deliver("m-" + contact, contact, "an agent please");
        await().until(() -> bed.stores.conversations().find(TENANT, key(contact))
                .flatMap(c -> c.replyDueAt()).isPresent());
        bed.clock.advance(Duration.ofSeconds(2));
        await().until(() -> agents.assignment(TENANT, key(contact)).isPresent());
        assertThat(agents.claim(TENANT, key(contact), agentId)).isPresent();
        return key(contact);
    }

    private OutboxEntry finished(OutboxEntry entry) {
        await().until(() -> {
            OutboxState state = bed.stores.outbox().find(TENANT, entry.id()).orElseThrow().state();
            return state != OutboxState.PENDING && state != OutboxState.SENDING;
        });
        return bed.stores.outbox().find(TENANT, entry.id()).orElseThrow();
    }

    @Test
    void theHoldingAgentsReplyGoesThroughTheOutboxRecordedWithTheAgentsId() {
        Agents agents = start();
        ConversationKey alice = heldBy(agents, "alice", "ana");

        OutboxEntry entry = agents.reply(TENANT, alice, "ana", new Text("Hello, I am Ana"));

        assertThat(entry.message().author()).isEqualTo(Author.AGENT);
        assertThat(entry.message().agent()).contains("ana");
        assertThat(finished(entry).state()).isEqualTo(OutboxState.SENT);
        assertThat(bed.channel.attempts()).extracting(SendRequest::message)
                .filteredOn(message -> message.content().equals(new Text("Hello, I am Ana")))
                .singleElement().satisfies(message -> {
                    assertThat(message.author()).isEqualTo(Author.AGENT);
                    assertThat(message.agent()).contains("ana");
                });
        assertThat(bed.stores.messages().history(TENANT, alice, 10))
                .filteredOn(message -> message.direction() == Direction.OUTBOUND && message.author() == Author.AGENT)
                .singleElement().satisfies(message -> {
                    assertThat(message.agent()).contains("ana");
                    assertThat(message.text()).contains("Hello, I am Ana");
                });
        assertThat(bed.stores.audit().list(TENANT, 100)).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo("agent_reply");
            assertThat(event.details()).containsEntry("actor", "agent:ana").containsEntry("kind", "text");
        });
    }

    @Test
    void anAgentWhoDoesNotHoldTheConversationIsRefusedAndNothingIsQueued() {
        Agents agents = start();
        ConversationKey alice = heldBy(agents, "alice", "ana");
        bed.deliver("m-bob", "bob", "hello");
        await().until(() -> bed.stores.conversations().find(TENANT, key("bob")).isPresent());
        int queuedBefore = bed.stores.outbox().list(TENANT, OutboxState.PENDING, 100).size()
                + bed.stores.outbox().list(TENANT, OutboxState.SENT, 100).size();

        assertThatThrownBy(() -> agents.reply(TENANT, alice, "bea", new Text("I am Bea")))
                .isInstanceOfSatisfying(ReplyRefusedException.class, e -> assertThat(e.rule()).isEqualTo(Rule.NOT_HOLDER))
                .hasMessageContaining("agent bea does not hold this conversation")
                .hasMessageNotContaining("alice");
        assertThatThrownBy(() -> agents.reply(TENANT, key("bob"), "ana", new Text("hi")))
                .isInstanceOfSatisfying(ReplyRefusedException.class, e -> assertThat(e.rule()).isEqualTo(Rule.NOT_HOLDER));

        assertThat(bed.stores.outbox().list(TENANT, OutboxState.PENDING, 100).size()
                + bed.stores.outbox().list(TENANT, OutboxState.SENT, 100).size()).isEqualTo(queuedBefore);
    }

    @Test
    void anAgentWhoReleasedTheConversationMayNoLongerReply() {
        Agents agents = start();
        ConversationKey alice = heldBy(agents, "alice", "ana");
        agents.release(TENANT, alice, "ana");

        assertThatThrownBy(() -> agents.reply(TENANT, alice, "ana", new Text("still here")))
                .isInstanceOfSatisfying(ReplyRefusedException.class, e -> assertThat(e.rule()).isEqualTo(Rule.NOT_HOLDER));
    }

    @Test
    void onWhatsAppOutsideTwentyFourHoursOnlyATemplateGoes() {
        Agents agents = start(new ScriptedChannel(WHATSAPP));
        ConversationKey alice = heldBy(agents, "alice", "ana");
        bed.clock.advance(Duration.ofHours(25));

        assertThatThrownBy(() -> agents.reply(TENANT, alice, "ana", new Text("Sorry for the wait")))
                .isInstanceOfSatisfying(ReplyRefusedException.class, e -> assertThat(e.rule()).isEqualTo(Rule.REPLY_WINDOW))
                .hasMessageContaining("reply window of 24 hours").hasMessageContaining("only a template may be sent")
                .hasMessageNotContaining("Sorry");
        assertThat(bed.channel.attempts()).noneMatch(request -> request.message().author() == Author.AGENT);

        OutboxEntry template = agents.reply(TENANT, alice, "ana", TEMPLATE);
        assertThat(finished(template).state()).isEqualTo(OutboxState.SENT);
    }

    @Test
    void onWhatsAppWithinTwentyFourHoursATextGoes() {
        Agents agents = start(new ScriptedChannel(WHATSAPP));
        ConversationKey alice = heldBy(agents, "alice", "ana");
        bed.clock.advance(Duration.ofHours(23));

        assertThat(finished(agents.reply(TENANT, alice, "ana", new Text("Hi"))).state()).isEqualTo(OutboxState.SENT);
    }

    @Test
    void onMessengerBetweenTwentyFourHoursAndSevenDaysAPersonsReplyGoesAndBeyondItIsRefused() {
        Agents agents = start(new ScriptedChannel(MESSENGER));
        ConversationKey alice = heldBy(agents, "alice", "ana");
        bed.clock.advance(Duration.ofDays(3));

        OutboxEntry late = agents.reply(TENANT, alice, "ana", new Text("Back to you"));
        assertThat(finished(late).state()).isEqualTo(OutboxState.SENT);
        assertThat(bed.channel.attempts()).filteredOn(request -> request.message().author() == Author.AGENT)
                .singleElement().satisfies(request -> assertThat(request.lastInboundAt()).isPresent());

        bed.clock.advance(Duration.ofDays(5));
        assertThatThrownBy(() -> agents.reply(TENANT, alice, "ana", new Text("Anyone?")))
                .isInstanceOfSatisfying(ReplyRefusedException.class,
                        e -> assertThat(e.rule()).isEqualTo(Rule.HUMAN_AGENT_WINDOW))
                .hasMessageContaining("human agent window of 168 hours");
        assertThatThrownBy(() -> agents.reply(TENANT, alice, "ana", TEMPLATE))
                .isInstanceOfSatisfying(ReplyRefusedException.class,
                        e -> assertThat(e.rule()).isEqualTo(Rule.HUMAN_AGENT_WINDOW));
    }

    @Test
    void aRepliedIdempotencyKeyQueuesOnce() {
        Agents agents = start();
        ConversationKey alice = heldBy(agents, "alice", "ana");

        OutboxEntry first = agents.reply(TENANT, alice, "ana", new Text("Once"), "request-1");
        OutboxEntry again = agents.reply(TENANT, alice, "ana", new Text("Once"), "request-1");

        assertThat(again.id()).isEqualTo(first.id());
        finished(first);
        assertThat(bed.channel.sent(Text.class)).filteredOn(text -> text.body().equals("Once")).hasSize(1);
    }

    @Test
    void aMarkerIsNoReply() {
        Agents agents = start();
        ConversationKey alice = heldBy(agents, "alice", "ana");

        assertThatThrownBy(() -> agents.reply(TENANT, alice, "ana", new Typing(true, Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBotReplyBeingProducedWhenAPersonTakesOverIsDiscardedAndTheAgentsReplyGoes() throws Exception {
        Agents agents = start();
        bed.deliver("m-slow", "alice", "slow question");
        await().until(() -> bed.stores.conversations().find(TENANT, key("alice"))
                .flatMap(c -> c.replyDueAt()).isPresent());
        bed.clock.advance(Duration.ofSeconds(2));
        assertThat(responderEntered.await(10, TimeUnit.SECONDS)).isTrue();

        bed.conversa.conversations().changeState(TENANT, key("alice"), ConversationState.WAITING_FOR_AGENT);
        assertThat(agents.claim(TENANT, key("alice"), "ana")).isPresent();
        responderMayFinish.countDown();
        bed.awaitIdle();

        assertThat(bed.channel.sent(Text.class)).extracting(Text::body).doesNotContain("bot: late answer");
        assertThat(bed.stores.outbox().list(TENANT, OutboxState.DEAD, 10))
                .allSatisfy(entry -> assertThat(entry.lastError()).contains(Ownership.TAKEN_OVER));
        assertThat(bed.stores.messages().history(TENANT, key("alice"), 10))
                .filteredOn(message -> message.author() == Author.BOT)
                .allSatisfy(message -> assertThat(message.status()).isNotEqualTo(
                        dev.conversa.model.DeliveryStatus.SENT));

        OutboxEntry reply = agents.reply(TENANT, key("alice"), "ana", new Text("Ana here"));
        assertThat(finished(reply).state()).isEqualTo(OutboxState.SENT);
        assertThat(bed.channel.sent(Text.class)).extracting(Text::body).containsExactly("Ana here");
        assertThat(bed.conversa.conversations().find(TENANT, key("alice")).orElseThrow().state())
                .isEqualTo(ConversationState.WITH_AGENT);
    }
}
