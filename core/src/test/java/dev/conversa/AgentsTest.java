package dev.conversa;

import static dev.conversa.TestBed.TENANT;
import static dev.conversa.TestBed.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.conversa.agent.Agent;
import dev.conversa.agent.AgentQueue;
import dev.conversa.agent.Assignment;
import dev.conversa.agent.AssignmentStrategy;
import dev.conversa.agent.NotHolderException;
import dev.conversa.agent.Note;
import dev.conversa.agent.Presence;
import dev.conversa.conversation.StateChange;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.Echo;
import dev.conversa.model.EventHeader;
import dev.conversa.model.Handover;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.Text;
import dev.conversa.respond.Reply;
import dev.conversa.store.AuditEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code conversa.agents()} on the running runtime: handoffs land in queues, agents take,
 * transfer, release and close conversations, every change reaches listeners and the audit log
 * with the agent as actor, and notes never reach the customer.
 */
class AgentsTest {

    private final List<StateChange> heard = new CopyOnWriteArrayList<>();
    private final TestBed bed = new TestBed(builder -> builder
            .responder(request -> {
                List<MessageRecord> unanswered = request.unanswered();
                String text = unanswered.isEmpty() ? "" : unanswered.get(unanswered.size() - 1).text().orElse("");
                if (text.contains("sales")) {
                    return new Reply.Handoff(Optional.empty(), "wants to buy").toQueue("sales");
                }
                return text.contains("agent") ? new Reply.Handoff(Optional.empty(), "asked for a person")
                        : Reply.text("bot: " + text);
            })
            .stateListener(heard::add));
    private final Agents agents = bed.conversa.agents();

    @AfterEach
    void closeBed() {
        bed.close();
    }

    private Agent agent(String id, Presence presence, int max, String... queues) {
        Agent.Builder builder = Agent.builder().tenant(TENANT).id(id).displayName("Agent " + id).presence(presence)
                .maxConversations(max);
        for (String queue : queues) {
            builder.queue(queue);
        }
        return agents.save(builder.build());
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

    private List<AuditEvent> assignmentAudit() {
        return bed.stores.audit().list(TENANT, 100).stream().filter(e -> e.action().equals("assignment")).toList();
    }

    @Test
    void anUnroutedHandoffWaitsInTheDefaultQueue() {
        ConversationKey alice = handedOff("alice", "an agent please");

        assertThat(state(alice)).isEqualTo(ConversationState.WAITING_FOR_AGENT);
        assertThat(agents.waiting(TENANT, AgentQueue.DEFAULT_ID, 10)).singleElement().satisfies(waiting -> {
            assertThat(waiting.conversation()).isEqualTo(alice);
            assertThat(waiting.reason()).isEqualTo("asked for a person");
            assertThat(waiting.agent()).isEmpty();
        });
    }

    @Test
    void anUnroutedHandoffWaitsInTheTenantsDefaultQueueWhenOneIsSet() {
        agents.saveQueue(AgentQueue.of(TENANT, "support", "Support").asDefault());

        ConversationKey alice = handedOff("alice", "an agent please");

        assertThat(agents.defaultQueue(TENANT)).isEqualTo("support");
        assertThat(agents.assignment(TENANT, alice)).map(Assignment::queue).contains("support");
    }

    @Test
    void aHandoffNamingAQueueWaitsInThatQueue() {
        agents.saveQueue(AgentQueue.of(TENANT, "support", "Support").asDefault());

        ConversationKey alice = handedOff("alice", "I want to talk to sales");

        assertThat(agents.waiting(TENANT, "sales", 10)).extracting(Assignment::conversation).containsExactly(alice);
        assertThat(agents.waiting(TENANT, "support", 10)).isEmpty();
    }

    @Test
    void theHostHandingOffQueuesTheConversationAndGivingItBackRemovesIt() {
        bed.deliver("m1", "alice", "hello");
        await().until(() -> bed.stores.conversations().find(TENANT, key("alice")).isPresent());

        bed.conversa.conversations().changeState(TENANT, key("alice"), ConversationState.WAITING_FOR_AGENT);
        assertThat(agents.waiting(TENANT, AgentQueue.DEFAULT_ID, 10)).hasSize(1);

        bed.conversa.conversations().changeState(TENANT, key("alice"), ConversationState.BOT);
        assertThat(agents.assignment(TENANT, key("alice"))).isEmpty();
    }

    @Test
    void theChannelGivingTheThreadBackToTheBotRemovesTheConversationFromItsQueue() {
        ConversationKey alice = handedOff("alice", "an agent please");

        bed.stores.inbox().append(TENANT, List.of(new Handover(new EventHeader(bed.channel.type(), TestBed.ACCOUNT,
                "alice", "h1", bed.clock.instant()), Handover.Action.PASS, Optional.empty(), Optional.empty(),
                Optional.empty())), bed.clock.instant());

        await().until(() -> state(alice) == ConversationState.BOT);
        assertThat(agents.assignment(TENANT, alice)).isEmpty();
    }

    @Test
    void anAgentClaimsAWaitingConversationAndListenersAndTheAuditNameTheAgent() {
        agent("ana", Presence.ONLINE, 2, AgentQueue.DEFAULT_ID);
        ConversationKey alice = handedOff("alice", "an agent please");
        heard.clear();

        Optional<Assignment> claimed = agents.claim(TENANT, alice, "ana");

        assertThat(claimed).map(Assignment::agent).contains(Optional.of("ana"));
        assertThat(state(alice)).isEqualTo(ConversationState.WITH_AGENT);
        assertThat(heard).extracting(StateChange::from, StateChange::to, StateChange::origin, StateChange::agent)
                .containsExactly(tuple(ConversationState.WAITING_FOR_AGENT, ConversationState.WITH_AGENT,
                        StateChange.Origin.AGENT, Optional.of("ana")));
        assertThat(assignmentAudit()).anySatisfy(event -> assertThat(event.details())
                .containsEntry("event", "assigned").containsEntry("actor", "agent:ana"));
        assertThat(bed.stores.audit().list(TENANT, 100)).anySatisfy(event -> assertThat(event.details())
                .containsEntry("to", "WITH_AGENT").containsEntry("actor", "agent:ana"));
    }

    @Test
    void aClaimIsRefusedToAnAgentWhoIsNotOnlineIsAtTheMaximumOrDoesNotServeTheQueue() {
        agent("away", Presence.AWAY, 5, AgentQueue.DEFAULT_ID);
        agent("off", Presence.OFFLINE, 5, AgentQueue.DEFAULT_ID);
        agent("sales", Presence.ONLINE, 5, "sales");
        agent("busy", Presence.ONLINE, 1, AgentQueue.DEFAULT_ID);
        ConversationKey bob = handedOff("bob", "an agent please");
        agents.claim(TENANT, bob, "busy");
        ConversationKey alice = handedOff("alice", "an agent please");

        assertThat(agents.claim(TENANT, alice, "away")).isEmpty();
        assertThat(agents.claim(TENANT, alice, "off")).isEmpty();
        assertThat(agents.claim(TENANT, alice, "sales")).isEmpty();
        assertThat(agents.claim(TENANT, alice, "busy")).isEmpty();
        assertThatThrownBy(() -> agents.claim(TENANT, alice, "nobody")).isInstanceOf(NoSuchElementException.class);

        assertThat(state(alice)).isEqualTo(ConversationState.WAITING_FOR_AGENT);
        assertThat(agents.assignment(TENANT, alice).orElseThrow().waiting()).isTrue();
    }

    @Test
    void roundRobinGivesConversationsToTheOnlineAgentsInTurn() {
        agent("ana", Presence.ONLINE, 5, AgentQueue.DEFAULT_ID);
        agent("bea", Presence.ONLINE, 5, AgentQueue.DEFAULT_ID);
        agent("cy", Presence.ONLINE, 5, AgentQueue.DEFAULT_ID);
        agent("dan", Presence.AWAY, 5, AgentQueue.DEFAULT_ID);
        for (String contact : List.of("c1", "c2", "c3", "c4", "c5", "c6")) {
            handedOff(contact, "an agent please");
        }

        List<String> order = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            bed.clock.advance(Duration.ofSeconds(1));
            order.add(agents.assignNext(TENANT, AgentQueue.DEFAULT_ID, AssignmentStrategy.ROUND_ROBIN).orElseThrow()
                    .agent().orElseThrow());
        }

        assertThat(order).containsExactly("ana", "bea", "cy", "ana", "bea", "cy");
    }

    @Test
    void assignNextTakesTheLongestWaitingConversationFirst() {
        agent("ana", Presence.ONLINE, 5, AgentQueue.DEFAULT_ID);
        ConversationKey first = handedOff("first", "an agent please");
        handedOff("second", "an agent please");

        Optional<Assignment> assigned = agents.assignNext(TENANT, AgentQueue.DEFAULT_ID, AssignmentStrategy.LEAST_BUSY);

        assertThat(assigned).map(Assignment::conversation).contains(first);
    }

    @Test
    void leastBusyChoosesTheOnlineAgentHoldingFewestConversations() {
        agent("ana", Presence.ONLINE, 5, AgentQueue.DEFAULT_ID);
        agent("bea", Presence.ONLINE, 5, AgentQueue.DEFAULT_ID);
        agent("cy", Presence.OFFLINE, 5, AgentQueue.DEFAULT_ID);
        agents.claim(TENANT, handedOff("c1", "an agent please"), "ana");
        agents.claim(TENANT, handedOff("c2", "an agent please"), "ana");
        agents.claim(TENANT, handedOff("c3", "an agent please"), "bea");
        ConversationKey next = handedOff("c4", "an agent please");

        Optional<Assignment> assigned = agents.assign(TENANT, next, AssignmentStrategy.LEAST_BUSY);

        assertThat(assigned.orElseThrow().agent()).contains("bea");
    }

    @Test
    void noAgentIsChosenWhenEveryOneIsAwayOrAtTheMaximum() {
        agent("full", Presence.ONLINE, 1, AgentQueue.DEFAULT_ID);
        agent("away", Presence.AWAY, 5, AgentQueue.DEFAULT_ID);
        agents.claim(TENANT, handedOff("c1", "an agent please"), "full");
        ConversationKey waiting = handedOff("c2", "an agent please");

        assertThat(agents.assignNext(TENANT, AgentQueue.DEFAULT_ID, AssignmentStrategy.ROUND_ROBIN)).isEmpty();
        assertThat(agents.assign(TENANT, waiting, AssignmentStrategy.LEAST_BUSY)).isEmpty();

        assertThat(state(waiting)).isEqualTo(ConversationState.WAITING_FOR_AGENT);
    }

    @Test
    void aTransferToAnotherAgentKeepsThePersonInChargeAndNamesTheTransferringAgent() {
        agent("ana", Presence.ONLINE, 2, AgentQueue.DEFAULT_ID);
        agent("bea", Presence.ONLINE, 2, "sales");
        ConversationKey alice = handedOff("alice", "an agent please");
        agents.claim(TENANT, alice, "ana");

        assertThat(agents.transferToAgent(TENANT, alice, "bea", "ana")).isEmpty();
        Optional<Assignment> transferred = agents.transferToAgent(TENANT, alice, "ana", "bea");

        assertThat(transferred.orElseThrow().agent()).contains("bea");
        assertThat(agents.assignedTo(TENANT, "ana")).isEmpty();
        assertThat(state(alice)).isEqualTo(ConversationState.WITH_AGENT);
        assertThat(assignmentAudit()).anySatisfy(event -> assertThat(event.details())
                .containsEntry("event", "transferred").containsEntry("actor", "agent:ana")
                .containsEntry("to", "agent:bea"));
    }

    @Test
    void aTransferToAQueueMakesTheConversationWaitThereAgain() {
        agent("ana", Presence.ONLINE, 2, AgentQueue.DEFAULT_ID);
        ConversationKey alice = handedOff("alice", "an agent please");
        agents.claim(TENANT, alice, "ana");
        heard.clear();

        Optional<Assignment> requeued = agents.transferToQueue(TENANT, alice, "sales", "ana");

        assertThat(requeued.orElseThrow().waiting()).isTrue();
        assertThat(agents.waiting(TENANT, "sales", 10)).extracting(Assignment::conversation).containsExactly(alice);
        assertThat(state(alice)).isEqualTo(ConversationState.WAITING_FOR_AGENT);
        assertThat(heard).extracting(StateChange::to, StateChange::origin, StateChange::agent).containsExactly(
                tuple(ConversationState.WAITING_FOR_AGENT, StateChange.Origin.AGENT, Optional.of("ana")));
    }

    @Test
    void releasingToTheBotLetsTheBotAnswerTheCustomersUnansweredMessage() {
        agent("ana", Presence.ONLINE, 2, AgentQueue.DEFAULT_ID);
        ConversationKey alice = handedOff("alice", "an agent please");
        agents.claim(TENANT, alice, "ana");
        bed.deliver("m-late", "alice", "are you there");
        await().until(() -> bed.stores.messages().history(TENANT, alice, 10).size() == 2);
        heard.clear();

        agents.release(TENANT, alice, "ana");

        assertThat(state(alice)).isEqualTo(ConversationState.BOT);
        assertThat(agents.assignment(TENANT, alice)).isEmpty();
        await().until(() -> bed.channel.sent(Text.class).stream()
                .anyMatch(text -> text.body().equals("bot: are you there")));
        assertThat(heard).extracting(StateChange::to, StateChange::agent)
                .containsExactly(tuple(ConversationState.BOT, Optional.of("ana")));
    }

    @Test
    void aClosedConversationReopensToTheBotWhenTheCustomerWritesAgain() {
        agent("ana", Presence.ONLINE, 2, AgentQueue.DEFAULT_ID);
        ConversationKey alice = handedOff("alice", "an agent please");
        agents.claim(TENANT, alice, "ana");

        agents.close(TENANT, alice, "ana");
        assertThat(state(alice)).isEqualTo(ConversationState.CLOSED);
        assertThat(agents.assignedTo(TENANT, "ana")).isEmpty();
        heard.clear();

        bed.deliver("m-again", "alice", "hello again");
        await().until(() -> state(alice) == ConversationState.BOT);
        await().until(() -> !heard.isEmpty());
        assertThat(heard).extracting(StateChange::from, StateChange::to, StateChange::origin, StateChange::agent)
                .containsExactly(tuple(ConversationState.CLOSED, ConversationState.BOT, StateChange.Origin.CUSTOMER,
                        Optional.empty()));
        assertThat(bed.stores.audit().list(TENANT, 100)).anySatisfy(event -> assertThat(event.details())
                .containsEntry("from", "CLOSED").containsEntry("to", "BOT").containsEntry("cause", "customer"));
        bed.clock.advance(Duration.ofSeconds(2));
        await().until(() -> bed.channel.sent(Text.class).stream()
                .anyMatch(text -> text.body().equals("bot: hello again")));
    }

    @Test
    void onlyTheHoldingAgentReleasesClosesOrRequeuesAConversation() {
        agent("ana", Presence.ONLINE, 2, AgentQueue.DEFAULT_ID);
        agent("bea", Presence.ONLINE, 2, AgentQueue.DEFAULT_ID);
        ConversationKey alice = handedOff("alice", "an agent please");
        agents.claim(TENANT, alice, "ana");
        heard.clear();

        assertThatThrownBy(() -> agents.release(TENANT, alice, "bea")).isInstanceOf(NotHolderException.class)
                .hasMessageContaining("agent bea may not release this conversation").hasMessageNotContaining("alice");
        assertThatThrownBy(() -> agents.close(TENANT, alice, "bea")).isInstanceOf(NotHolderException.class);
        assertThat(agents.transferToQueue(TENANT, alice, "sales", "bea")).isEmpty();
        assertThat(agents.transferToAgent(TENANT, alice, "bea", "bea")).isEmpty();

        assertThat(state(alice)).isEqualTo(ConversationState.WITH_AGENT);
        assertThat(agents.assignment(TENANT, alice).orElseThrow().agent()).contains("ana");
        assertThat(heard).isEmpty();
        assertThat(assignmentAudit()).noneSatisfy(event -> assertThat(event.details())
                .containsEntry("actor", "agent:bea"));
    }

    @Test
    void aWaitingConversationIsClosedByAnAgentServingItsQueueOnly() {
        agent("ana", Presence.ONLINE, 2, AgentQueue.DEFAULT_ID);
        agent("sam", Presence.ONLINE, 2, "sales");
        ConversationKey alice = handedOff("alice", "an agent please");

        assertThatThrownBy(() -> agents.close(TENANT, alice, "sam")).isInstanceOf(NotHolderException.class);
        agents.close(TENANT, alice, "ana");

        assertThat(state(alice)).isEqualTo(ConversationState.CLOSED);
        assertThat(agents.assignment(TENANT, alice)).isEmpty();
        assertThatThrownBy(() -> agents.release(TENANT, alice, "ana")).isInstanceOf(NotHolderException.class);
    }

    @Test
    void theSupervisorPathIsTheHostChangingTheState() {
        agent("ana", Presence.ONLINE, 2, AgentQueue.DEFAULT_ID);
        ConversationKey alice = handedOff("alice", "an agent please");
        agents.claim(TENANT, alice, "ana");

        bed.conversa.conversations().changeState(TENANT, alice, ConversationState.CLOSED);

        assertThat(state(alice)).isEqualTo(ConversationState.CLOSED);
        assertThat(agents.assignedTo(TENANT, "ana")).isEmpty();
    }

    @Test
    void anAgentCanTakeAConversationAgainAfterItWasClosedAndReopened() {
        agent("ana", Presence.ONLINE, 1, AgentQueue.DEFAULT_ID);
        ConversationKey alice = handedOff("alice", "an agent please");
        agents.claim(TENANT, alice, "ana");
        agents.close(TENANT, alice, "ana");

        handedOff("alice", "agent again");

        assertThat(agents.claim(TENANT, alice, "ana")).isPresent();
    }

    @Test
    void notesAreListedForAgentsAndNeverReachTheCustomer() {
        agent("ana", Presence.ONLINE, 2, AgentQueue.DEFAULT_ID);
        ConversationKey alice = handedOff("alice", "an agent please");
        agents.claim(TENANT, alice, "ana");

        Note note = agents.addNote(TENANT, alice, "ana", "Customer is upset about the delay");

        assertThat(agents.notes(TENANT, alice)).containsExactly(note);
        bed.awaitIdle();
        assertThat(bed.channel.sent(Text.class)).extracting(Text::body)
                .noneMatch(body -> body.contains("upset"));
        assertThat(bed.stores.messages().history(TENANT, alice, 50)).extracting(MessageRecord::text)
                .noneMatch(text -> text.orElse("").contains("upset"));
        assertThat(bed.stores.outbox().list(TENANT, dev.conversa.store.OutboxState.SENT, 50))
                .noneMatch(entry -> entry.message().content().toString().contains("upset"));
        assertThat(note.toString()).doesNotContain("upset");
    }

    @Test
    void aNoteNeedsAnExistingConversation() {
        assertThatThrownBy(() -> agents.addNote(TENANT, key("nobody"), "ana", "text"))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void anAgentHoldingConversationsIsNotRemoved() {
        agent("ana", Presence.ONLINE, 2, AgentQueue.DEFAULT_ID);
        agents.claim(TENANT, handedOff("alice", "an agent please"), "ana");

        assertThatThrownBy(() -> agents.remove(TENANT, "ana")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("still holds conversations");
    }

    @Test
    void presenceChangesAreStored() {
        agent("ana", Presence.ONLINE, 2, AgentQueue.DEFAULT_ID);

        agents.presence(TENANT, "ana", Presence.AWAY);

        assertThat(agents.find(TENANT, "ana").orElseThrow().presence()).isEqualTo(Presence.AWAY);
    }

    @Test
    void anEchoFromAPersonAnsweringElsewhereLeavesTheQueueAsItIs() {
        ConversationKey alice = handedOff("alice", "an agent please");

        Echo echo = new Echo(new EventHeader(bed.channel.type(), TestBed.ACCOUNT, "alice", "e1",
                bed.clock.instant()), new Text("I am on it"), Optional.empty(), Optional.empty());
        bed.stores.inbox().append(TENANT, List.of(echo), bed.clock.instant());

        await().until(() -> state(alice) == ConversationState.WITH_AGENT);
        assertThat(agents.assignment(TENANT, alice)).isPresent();
    }
}
