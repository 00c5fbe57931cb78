package dev.conversa;

import static dev.conversa.TestBed.TENANT;
import static dev.conversa.TestBed.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.conversa.agent.Agent;
import dev.conversa.agent.AgentQueue;
import dev.conversa.agent.Assignment;
import dev.conversa.agent.Presence;
import dev.conversa.agent.SlaPolicy;
import dev.conversa.conversation.StateChange;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.Text;
import dev.conversa.respond.Reply;
import dev.conversa.store.AuditEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Queue SLAs on a fake clock, run by durable timers in the inbox: a conversation waiting past
 * the limit is escalated (priority raised, or back to the bot with a message), an agent who does
 * not answer in time loses the conversation to the queue, and every change reaches listeners and
 * the audit log with the system as actor.
 */
class AgentSlaTest {

    private final List<StateChange> heard = new CopyOnWriteArrayList<>();
    private final TestBed bed = new TestBed(builder -> builder
            .responder(request -> request.latestText().contains("sales")
                    ? new Reply.Handoff(Optional.empty(), "wants to buy").toQueue("sales")
                    : request.latestText().contains("agent") ? new Reply.Handoff(Optional.empty(), "asked")
                    : Reply.text("bot: " + request.latestText()))
            .stateListener(heard::add));
    private final Agents agents = bed.conversa.agents();

    @AfterEach
    void closeBed() {
        bed.close();
    }

    /** The customer writes, the responder hands off, and the conversation waits for a person. */
    private ConversationKey handedOff(String contact, String text) {
        bed.deliver("m-" + contact + "-" + System.nanoTime(), contact, text);
        await().until(() -> bed.stores.conversations().find(TENANT, key(contact))
                .flatMap(c -> c.replyDueAt()).isPresent());
        bed.clock.advance(Duration.ofSeconds(2));
        await().until(() -> agents.assignment(TENANT, key(contact)).isPresent());
        return key(contact);
    }

    private ConversationState state(ConversationKey key) {
        return bed.conversa.conversations().find(TENANT, key).orElseThrow().state();
    }

    private List<AuditEvent> systemAudit() {
        return bed.stores.audit().list(TENANT, 200).stream()
                .filter(e -> "system".equals(e.details().get("actor"))).toList();
    }

    @Test
    void aConversationWaitingPastTheLimitIsRaisedAheadOfTheOthers() {
        agents.saveQueue(AgentQueue.of(TENANT, "support", "Support").asDefault()
                .withSla(SlaPolicy.builder().waitLimit(Duration.ofMinutes(5)).build()));
        ConversationKey first = handedOff("first", "an agent please");
        bed.clock.advance(Duration.ofMinutes(4));
        ConversationKey second = handedOff("second", "an agent please");
        heard.clear();

        bed.clock.advance(Duration.ofMinutes(1).plusSeconds(10));

        await().until(() -> agents.assignment(TENANT, first).orElseThrow().priority() == 1);
        assertThat(agents.waiting(TENANT, "support", 10)).extracting(Assignment::conversation, Assignment::priority)
                .containsExactly(tuple(first, 1), tuple(second, 0));
        assertThat(agents.assignment(TENANT, first).orElseThrow().queuedAt()).isAfter(
                agents.assignment(TENANT, second).orElseThrow().queuedAt());
        assertThat(state(first)).isEqualTo(ConversationState.WAITING_FOR_AGENT);
        assertThat(systemAudit()).anySatisfy(event -> assertThat(event.details())
                .containsEntry("event", "sla_escalated").containsEntry("queue", "support")
                .containsEntry("priority", "1"));
        assertThat(heard).isEmpty();

        bed.clock.advance(Duration.ofMinutes(5));
        await().until(() -> agents.assignment(TENANT, first).orElseThrow().priority() == 2);
        await().until(() -> agents.assignment(TENANT, second).orElseThrow().priority() == 1);
    }

    @Test
    void aConversationWaitingPastTheLimitGoesBackToTheBotWhichTellsTheCustomer() {
        agents.saveQueue(AgentQueue.of(TENANT, "sales", "Sales").withSla(SlaPolicy.builder()
                .waitLimit(Duration.ofMinutes(2)).backToBot("Our team is busy; I can keep helping you.").build()));
        ConversationKey alice = handedOff("alice", "I want to talk to sales");
        heard.clear();

        bed.clock.advance(Duration.ofMinutes(1));
        assertThat(state(alice)).isEqualTo(ConversationState.WAITING_FOR_AGENT);
        bed.clock.advance(Duration.ofMinutes(1).plusSeconds(1));

        await().until(() -> state(alice) == ConversationState.BOT);
        await().until(() -> bed.channel.sent(Text.class).contains(new Text("Our team is busy; I can keep helping you.")));
        assertThat(agents.assignment(TENANT, alice)).isEmpty();
        assertThat(heard).extracting(StateChange::from, StateChange::to, StateChange::origin, StateChange::agent)
                .containsExactly(tuple(ConversationState.WAITING_FOR_AGENT, ConversationState.BOT,
                        StateChange.Origin.SYSTEM, Optional.empty()));
        assertThat(systemAudit()).anySatisfy(event -> assertThat(event.details())
                .containsEntry("event", "sla_back_to_bot").containsEntry("queue", "sales"));
        assertThat(systemAudit()).anySatisfy(event -> assertThat(event.details())
                .containsEntry("from", "WAITING_FOR_AGENT").containsEntry("to", "BOT").containsEntry("cause", "sla"));
    }

    @Test
    void anAgentWhoDoesNotAnswerInTimeLosesTheConversationToTheQueue() {
        agents.saveQueue(AgentQueue.of(TENANT, "support", "Support").asDefault()
                .withSla(SlaPolicy.builder().answerLimit(Duration.ofMinutes(3)).build()));
        agents.save(Agent.builder().tenant(TENANT).id("ana").displayName("Ana").queue("support")
                .presence(Presence.ONLINE).maxConversations(2).build());
        ConversationKey alice = handedOff("alice", "an agent please");
        agents.claim(TENANT, alice, "ana");
        heard.clear();

        bed.clock.advance(Duration.ofMinutes(2));
        assertThat(agents.assignment(TENANT, alice).orElseThrow().agent()).contains("ana");
        bed.clock.advance(Duration.ofMinutes(1).plusSeconds(1));

        await().until(() -> agents.assignment(TENANT, alice).orElseThrow().waiting());
        await().until(() -> state(alice) == ConversationState.WAITING_FOR_AGENT);
        assertThat(agents.assignedTo(TENANT, "ana")).isEmpty();
        assertThat(agents.waiting(TENANT, "support", 10)).extracting(Assignment::conversation).containsExactly(alice);
        await().until(() -> !heard.isEmpty());
        assertThat(heard).extracting(StateChange::from, StateChange::to, StateChange::origin)
                .containsExactly(tuple(ConversationState.WITH_AGENT, ConversationState.WAITING_FOR_AGENT,
                        StateChange.Origin.SYSTEM));
        assertThat(systemAudit()).anySatisfy(event -> assertThat(event.details())
                .containsEntry("event", "sla_unanswered").containsEntry("from", "agent:ana"));
    }

    @Test
    void anAgentWhoAnswersInTimeKeepsTheConversation() {
        agents.saveQueue(AgentQueue.of(TENANT, "support", "Support").asDefault()
                .withSla(SlaPolicy.builder().answerLimit(Duration.ofMinutes(3)).build()));
        agents.save(Agent.builder().tenant(TENANT).id("ana").displayName("Ana").queue("support")
                .presence(Presence.ONLINE).maxConversations(2).build());
        ConversationKey alice = handedOff("alice", "an agent please");
        agents.claim(TENANT, alice, "ana");
        bed.clock.advance(Duration.ofMinutes(1));
        agents.reply(TENANT, alice, "ana", new Text("Hi, Ana here"));
        await().until(() -> bed.channel.sent(Text.class).contains(new Text("Hi, Ana here")));

        bed.clock.advance(Duration.ofMinutes(5));
        bed.awaitIdle();

        assertThat(agents.assignment(TENANT, alice).orElseThrow().agent()).contains("ana");
        assertThat(state(alice)).isEqualTo(ConversationState.WITH_AGENT);
        assertThat(systemAudit()).isEmpty();
    }

    @Test
    void aConversationTakenBeforeTheWaitLimitIsNotEscalated() {
        agents.saveQueue(AgentQueue.of(TENANT, "support", "Support").asDefault()
                .withSla(SlaPolicy.builder().waitLimit(Duration.ofMinutes(2)).backToBot("Busy, sorry").build()));
        agents.save(Agent.builder().tenant(TENANT).id("ana").displayName("Ana").queue("support")
                .presence(Presence.ONLINE).maxConversations(2).build());
        ConversationKey alice = handedOff("alice", "an agent please");
        agents.claim(TENANT, alice, "ana");

        bed.clock.advance(Duration.ofMinutes(3));
        bed.awaitIdle();

        assertThat(state(alice)).isEqualTo(ConversationState.WITH_AGENT);
        assertThat(bed.channel.sent(Text.class)).doesNotContain(new Text("Busy, sorry"));
        assertThat(systemAudit()).isEmpty();
    }
}
