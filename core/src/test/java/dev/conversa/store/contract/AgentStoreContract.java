package dev.conversa.store.contract;

import static dev.conversa.store.contract.Samples.TENANT_A;
import static dev.conversa.store.contract.Samples.TENANT_B;
import static dev.conversa.store.contract.Samples.conversation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.agent.Agent;
import dev.conversa.agent.AgentQueue;
import dev.conversa.agent.Assignment;
import dev.conversa.agent.HandoffEvent;
import dev.conversa.agent.Note;
import dev.conversa.agent.Presence;
import dev.conversa.agent.SlaPolicy;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import dev.conversa.store.AgentLoad;
import dev.conversa.store.AgentStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AgentStore}: agents and queues per tenant, assignments that
 * {@link AgentStore#assign} changes atomically (never two agents, never over the maximum, only
 * online agents, also when many threads race), and internal notes.
 */
public abstract class AgentStoreContract extends StoreContract {

    private static final int THREADS = 8;
    private static final ConversationKey ONE = conversation("15550000001");
    private static final ConversationKey TWO = conversation("15550000002");

    private AgentStore agents() {
        return stores.agents();
    }

    private static Agent agent(TenantId tenant, String id, Presence presence, int max) {
        return Agent.builder().tenant(tenant).id(id).displayName("Agent " + id).queue("support").presence(presence)
                .maxConversations(max).build();
    }

    private Agent online(String id, int max) {
        Agent agent = agent(TENANT_A, id, Presence.ONLINE, max);
        agents().saveAgent(agent);
        return agent;
    }

    @Test
    void aSavedAgentIsFoundAndListedById() {
        Agent bea = online("bea", 2);
        Agent ana = agent(TENANT_A, "ana", Presence.AWAY, 1).toBuilder().queue("sales").build();
        agents().saveAgent(ana);

        assertThat(agents().findAgent(TENANT_A, "ana")).contains(ana);
        assertThat(agents().listAgents(TENANT_A)).containsExactly(ana, bea);
    }

    @Test
    void savingAnAgentAgainReplacesItsSettings() {
        online("ana", 2);
        Agent offline = agent(TENANT_A, "ana", Presence.OFFLINE, 5);

        agents().saveAgent(offline);

        assertThat(agents().findAgent(TENANT_A, "ana")).contains(offline);
    }

    @Test
    void aTenantSeesOnlyItsOwnAgentsQueuesAssignmentsAndNotes() {
        online("ana", 1);
        agents().saveQueue(AgentQueue.of(TENANT_A, "support", "Support"));
        agents().enqueue(TENANT_A, ONE, "support", "asked", now());
        agents().addNote(new Note(TENANT_A, ONE, "n1", "ana", "called back", now()));

        assertThat(agents().findAgent(TENANT_B, "ana")).isEmpty();
        assertThat(agents().listAgents(TENANT_B)).isEmpty();
        assertThat(agents().listQueues(TENANT_B)).isEmpty();
        assertThat(agents().findAssignment(TENANT_B, ONE)).isEmpty();
        assertThat(agents().waiting(TENANT_B, "support", 10)).isEmpty();
        assertThat(agents().notes(TENANT_B, ONE)).isEmpty();
        assertThat(agents().assign(TENANT_B, ONE, "ana", Optional.empty(), now())).isEmpty();
    }

    @Test
    void deleteAgentRemovesIt() {
        online("ana", 1);

        assertThat(agents().deleteAgent(TENANT_A, "ana")).isTrue();

        assertThat(agents().findAgent(TENANT_A, "ana")).isEmpty();
        assertThat(agents().deleteAgent(TENANT_A, "ana")).isFalse();
    }

    @Test
    void aDefaultQueueMakesTheOtherQueuesNotDefault() {
        agents().saveQueue(AgentQueue.of(TENANT_A, "sales", "Sales").asDefault());

        agents().saveQueue(AgentQueue.of(TENANT_A, "support", "Support").asDefault());

        assertThat(agents().listQueues(TENANT_A)).containsExactly(AgentQueue.of(TENANT_A, "sales", "Sales"),
                AgentQueue.of(TENANT_A, "support", "Support").asDefault());
    }

    @Test
    void enqueueKeepsAnExistingAssignment() {
        assertThat(agents().enqueue(TENANT_A, ONE, "support", "first", now())).isTrue();

        assertThat(agents().enqueue(TENANT_A, ONE, "sales", "second", inSeconds(5))).isFalse();

        assertThat(agents().findAssignment(TENANT_A, ONE)).contains(new Assignment(TENANT_A, ONE, "support",
                Optional.empty(), "first", now(), Optional.empty()));
    }

    @Test
    void waitingListsAQueueLongestWaitingFirstWithoutAssignedOnes() {
        online("ana", 5);
        ConversationKey three = conversation("15550000003");
        agents().enqueue(TENANT_A, TWO, "support", "r", inSeconds(2));
        agents().enqueue(TENANT_A, ONE, "support", "r", inSeconds(1));
        agents().enqueue(TENANT_A, three, "support", "r", inSeconds(0));
        agents().enqueue(TENANT_A, conversation("15550000004"), "sales", "r", inSeconds(0));
        agents().assign(TENANT_A, three, "ana", Optional.empty(), now());

        assertThat(agents().waiting(TENANT_A, "support", 10)).extracting(Assignment::conversation)
                .containsExactly(ONE, TWO);
        assertThat(agents().waiting(TENANT_A, "support", 1)).extracting(Assignment::conversation)
                .containsExactly(ONE);
    }

    @Test
    void assignGivesAWaitingConversationToAnOnlineAgent() {
        online("ana", 1);
        agents().enqueue(TENANT_A, ONE, "support", "asked", now());

        Optional<Assignment> assigned = agents().assign(TENANT_A, ONE, "ana", Optional.empty(), inSeconds(3));

        Assignment expected = new Assignment(TENANT_A, ONE, "support", Optional.of("ana"), "asked", now(),
                Optional.of(inSeconds(3)));
        assertThat(assigned).contains(expected);
        assertThat(agents().findAssignment(TENANT_A, ONE)).contains(expected);
        assertThat(agents().assignedTo(TENANT_A, "ana")).containsExactly(expected);
    }

    @Test
    void assignRefusesAConversationAnotherAgentHolds() {
        online("ana", 1);
        online("bea", 1);
        agents().enqueue(TENANT_A, ONE, "support", "asked", now());
        agents().assign(TENANT_A, ONE, "ana", Optional.empty(), now());

        assertThat(agents().assign(TENANT_A, ONE, "bea", Optional.empty(), now())).isEmpty();

        assertThat(agents().findAssignment(TENANT_A, ONE).orElseThrow().agent()).contains("ana");
    }

    @Test
    void assignRefusesAConversationThatWaitsForNobody() {
        online("ana", 1);

        assertThat(agents().assign(TENANT_A, ONE, "ana", Optional.empty(), now())).isEmpty();
    }

    @Test
    void assignRefusesAnAgentWhoIsNotOnline() {
        agents().saveAgent(agent(TENANT_A, "away", Presence.AWAY, 3));
        agents().saveAgent(agent(TENANT_A, "off", Presence.OFFLINE, 3));
        agents().enqueue(TENANT_A, ONE, "support", "asked", now());

        assertThat(agents().assign(TENANT_A, ONE, "away", Optional.empty(), now())).isEmpty();
        assertThat(agents().assign(TENANT_A, ONE, "off", Optional.empty(), now())).isEmpty();
        assertThat(agents().assign(TENANT_A, ONE, "nobody", Optional.empty(), now())).isEmpty();
        assertThat(agents().findAssignment(TENANT_A, ONE).orElseThrow().waiting()).isTrue();
    }

    @Test
    void assignRefusesAnAgentAtTheMaximum() {
        online("ana", 1);
        agents().enqueue(TENANT_A, ONE, "support", "asked", now());
        agents().enqueue(TENANT_A, TWO, "support", "asked", now());
        agents().assign(TENANT_A, ONE, "ana", Optional.empty(), now());

        assertThat(agents().assign(TENANT_A, TWO, "ana", Optional.empty(), now())).isEmpty();

        assertThat(agents().findAssignment(TENANT_A, TWO).orElseThrow().waiting()).isTrue();
    }

    @Test
    void assignTransfersOnlyFromTheAgentWhoHoldsIt() {
        online("ana", 1);
        online("bea", 1);
        online("cy", 1);
        agents().enqueue(TENANT_A, ONE, "support", "asked", now());
        agents().assign(TENANT_A, ONE, "ana", Optional.empty(), now());

        assertThat(agents().assign(TENANT_A, ONE, "cy", Optional.of("bea"), now())).isEmpty();
        assertThat(agents().assign(TENANT_A, ONE, "bea", Optional.of("ana"), inSeconds(4)))
                .map(Assignment::agent).contains(Optional.of("bea"));

        assertThat(agents().assignedTo(TENANT_A, "ana")).isEmpty();
        assertThat(agents().assignedTo(TENANT_A, "bea")).hasSize(1);
    }

    @Test
    void loadsCountHeldConversationsAndTheLastAssignment() {
        online("ana", 3);
        online("bea", 3);
        agents().enqueue(TENANT_A, ONE, "support", "asked", now());
        agents().enqueue(TENANT_A, TWO, "support", "asked", now());
        agents().assign(TENANT_A, ONE, "ana", Optional.empty(), inSeconds(1));
        agents().assign(TENANT_A, TWO, "ana", Optional.empty(), inSeconds(2));

        List<AgentLoad> loads = agents().loads(TENANT_A);

        assertThat(loads).extracting(load -> load.agent().id(), AgentLoad::activeConversations,
                AgentLoad::lastAssignedAt).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ana", 2, Optional.of(inSeconds(2))),
                        org.assertj.core.groups.Tuple.tuple("bea", 0, Optional.empty()));
    }

    @Test
    void savingAnAgentAgainKeepsItsLastAssignment() {
        online("ana", 3);
        agents().enqueue(TENANT_A, ONE, "support", "asked", now());
        agents().assign(TENANT_A, ONE, "ana", Optional.empty(), inSeconds(1));

        agents().saveAgent(agent(TENANT_A, "ana", Presence.AWAY, 3));

        assertThat(agents().loads(TENANT_A).get(0).lastAssignedAt()).contains(inSeconds(1));
    }

    @Test
    void requeueClearsTheAgentAndDequeueRemovesTheAssignment() {
        online("ana", 1);
        agents().enqueue(TENANT_A, ONE, "support", "asked", now());
        agents().assign(TENANT_A, ONE, "ana", Optional.empty(), now());

        assertThat(agents().requeue(TENANT_A, ONE, "sales", inSeconds(9))).contains(new Assignment(TENANT_A, ONE,
                "sales", Optional.empty(), "asked", inSeconds(9), Optional.empty()));
        assertThat(agents().requeue(TENANT_A, TWO, "sales", now())).isEmpty();
        assertThat(agents().assignedTo(TENANT_A, "ana")).isEmpty();

        assertThat(agents().dequeue(TENANT_A, ONE)).isTrue();
        assertThat(agents().findAssignment(TENANT_A, ONE)).isEmpty();
        assertThat(agents().dequeue(TENANT_A, ONE)).isFalse();
    }

    @Test
    void aConditionalRequeueOrDequeueChangesOnlyWhatTheNamedHolderHolds() {
        online("ana", 2);
        online("bea", 2);
        agents().enqueue(TENANT_A, ONE, "support", "asked", now());
        agents().enqueue(TENANT_A, TWO, "support", "asked", now());
        agents().assign(TENANT_A, ONE, "ana", Optional.empty(), now());

        assertThat(agents().requeue(TENANT_A, ONE, "sales", 0, Optional.of("bea"), inSeconds(1))).isEmpty();
        assertThat(agents().requeue(TENANT_A, ONE, "sales", 0, Optional.empty(), inSeconds(1))).isEmpty();
        assertThat(agents().dequeue(TENANT_A, ONE, Optional.of("bea"))).isFalse();
        assertThat(agents().dequeue(TENANT_A, ONE, Optional.empty())).isFalse();
        assertThat(agents().findAssignment(TENANT_A, ONE).orElseThrow().agent()).contains("ana");

        assertThat(agents().requeue(TENANT_A, ONE, "sales", 2, Optional.of("ana"), inSeconds(3))).contains(
                new Assignment(TENANT_A, ONE, "sales", Optional.empty(), "asked", inSeconds(3), Optional.empty(), 2));
        assertThat(agents().requeue(TENANT_A, TWO, "support", 1, Optional.of("ana"), inSeconds(3))).isEmpty();
        assertThat(agents().dequeue(TENANT_A, TWO, Optional.of("ana"))).isFalse();
        assertThat(agents().dequeue(TENANT_A, TWO, Optional.empty())).isTrue();
        assertThat(agents().findAssignment(TENANT_A, TWO)).isEmpty();
        assertThat(agents().requeue(TENANT_B, ONE, "sales", 0, Optional.empty(), inSeconds(4))).isEmpty();
    }

    @Test
    void waitingListsHigherPriorityFirstAndAnAssignmentKeepsItsPriority() {
        online("ana", 2);
        agents().enqueue(TENANT_A, ONE, "support", "asked", now());
        agents().enqueue(TENANT_A, TWO, "support", "asked", inSeconds(1));
        agents().requeue(TENANT_A, TWO, "support", 1, Optional.empty(), inSeconds(5));

        assertThat(agents().waiting(TENANT_A, "support", 10)).extracting(Assignment::conversation)
                .containsExactly(TWO, ONE);
        assertThat(agents().assign(TENANT_A, TWO, "ana", Optional.empty(), inSeconds(6)).orElseThrow().priority())
                .isEqualTo(1);
        assertThat(agents().requeue(TENANT_A, TWO, "support", inSeconds(7)).orElseThrow().priority()).isZero();
    }

    @Test
    void aQueueKeepsItsServiceLevels() {
        SlaPolicy bot = SlaPolicy.builder().waitLimit(Duration.ofMinutes(5)).backToBot("We are busy, sorry")
                .answerLimit(Duration.ofSeconds(90)).build();
        SlaPolicy raise = SlaPolicy.builder().waitLimit(Duration.ofMinutes(2)).build();
        AgentQueue support = AgentQueue.of(TENANT_A, "support", "Support").withSla(bot).asDefault();
        AgentQueue sales = AgentQueue.of(TENANT_A, "sales", "Sales").withSla(raise);
        AgentQueue plain = AgentQueue.of(TENANT_A, "plain", "Plain");
        agents().saveQueue(support);
        agents().saveQueue(sales);
        agents().saveQueue(plain);

        assertThat(agents().listQueues(TENANT_A)).containsExactly(plain, sales, support);

        AgentQueue changed = support.withSla(SlaPolicy.none());
        agents().saveQueue(changed);
        assertThat(agents().listQueues(TENANT_A)).contains(changed);
    }

    @Test
    void notesAreListedOldestFirstAndDeletedPerConversation() {
        Note first = new Note(TENANT_A, ONE, "n1", "ana", "VIP customer", now());
        Note second = new Note(TENANT_A, ONE, "n2", "bea", "wants a refund", inSeconds(60));
        Note other = new Note(TENANT_A, TWO, "n3", "ana", "other", now());
        agents().addNote(second);
        agents().addNote(first);
        agents().addNote(other);

        assertThat(agents().notes(TENANT_A, ONE)).containsExactly(first, second);

        assertThat(agents().deleteNotes(TENANT_A, ONE)).isEqualTo(2);
        assertThat(agents().notes(TENANT_A, ONE)).isEmpty();
        assertThat(agents().notes(TENANT_A, TWO)).containsExactly(other);
    }

    @Test
    void concurrentClaimsNeverAssignAConversationTwice() throws Exception {
        List<ConversationKey> waiting = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ConversationKey key = conversation("1555100" + String.format("%04d", i));
            waiting.add(key);
            agents().enqueue(TENANT_A, key, "support", "asked", now());
        }
        for (int i = 0; i < THREADS; i++) {
            online("agent" + i, 100);
        }
        int[] next = {0};

        List<List<ConversationKey>> won = runTogether(() -> {
            String me;
            synchronized (next) {
                me = "agent" + next[0]++;
            }
            List<ConversationKey> mine = new ArrayList<>();
            for (ConversationKey key : waiting) {
                agents().assign(TENANT_A, key, me, Optional.empty(), now()).ifPresent(a -> mine.add(key));
            }
            return mine;
        });

        List<ConversationKey> all = won.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(20).doesNotHaveDuplicates();
        int held = 0;
        for (int i = 0; i < THREADS; i++) {
            held += agents().assignedTo(TENANT_A, "agent" + i).size();
        }
        assertThat(held).isEqualTo(20);
    }

    @Test
    void concurrentAssignmentsNeverTakeAnAgentOverTheMaximum() throws Exception {
        online("ana", 3);
        List<ConversationKey> waiting = new ArrayList<>();
        for (int i = 0; i < THREADS * 3; i++) {
            ConversationKey key = conversation("1555200" + String.format("%04d", i));
            waiting.add(key);
            agents().enqueue(TENANT_A, key, "support", "asked", now());
        }
        int[] next = {0};

        List<Integer> won = runTogether(() -> {
            int me;
            synchronized (next) {
                me = next[0]++;
            }
            int count = 0;
            for (int i = 0; i < 3; i++) {
                if (agents().assign(TENANT_A, waiting.get(me * 3 + i), "ana", Optional.empty(), now()).isPresent()) {
                    count++;
                }
            }
            return count;
        });

        assertThat(won.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
        assertThat(agents().assignedTo(TENANT_A, "ana")).hasSize(3);
    }

    @Test
    void concurrentTransfersOfOneConversationLetOneWin() throws Exception {
        online("ana", 1);
        for (int i = 0; i < THREADS; i++) {
            online("to" + i, 1);
        }
        agents().enqueue(TENANT_A, ONE, "support", "asked", now());
        agents().assign(TENANT_A, ONE, "ana", Optional.empty(), now());
        int[] next = {0};

        List<Boolean> won = runTogether(() -> {
            String me;
            synchronized (next) {
                me = "to" + next[0]++;
            }
            return agents().assign(TENANT_A, ONE, me, Optional.of("ana"), now()).isPresent();
        });

        assertThat(won).containsOnlyOnce(true);
    }

    private static HandoffEvent event(TenantId tenant, ConversationKey conversation, HandoffEvent.Kind kind,
            Instant at) {
        return new HandoffEvent(tenant, conversation, kind, Optional.of("support"),
                kind == HandoffEvent.Kind.QUEUED ? Optional.empty() : Optional.of("ana"), at);
    }

    @Test
    void handoffStepsOfAPeriodAreListedInTheOrderTheyHappened() {
        HandoffEvent queued = event(TENANT_A, ONE, HandoffEvent.Kind.QUEUED, now());
        HandoffEvent assigned = event(TENANT_A, ONE, HandoffEvent.Kind.ASSIGNED, inSeconds(30));
        HandoffEvent sameTime = event(TENANT_A, TWO, HandoffEvent.Kind.QUEUED, inSeconds(30));
        agents().recordEvent(event(TENANT_A, TWO, HandoffEvent.Kind.CLOSED, inSeconds(-1)));
        agents().recordEvent(assigned);
        agents().recordEvent(sameTime);
        agents().recordEvent(queued);
        agents().recordEvent(event(TENANT_A, ONE, HandoffEvent.Kind.RELEASED, inSeconds(60)));
        agents().recordEvent(event(TENANT_B, ONE, HandoffEvent.Kind.QUEUED, inSeconds(10)));

        List<HandoffEvent> events = agents().events(TENANT_A, now(), inSeconds(60));

        assertThat(events).containsExactly(queued, assigned, sameTime);
    }

    @Test
    void aStepWithoutQueueOrAgentIsKeptAsItIs() {
        HandoffEvent released = new HandoffEvent(TENANT_A, ONE, HandoffEvent.Kind.RELEASED, Optional.empty(),
                Optional.empty(), now());

        agents().recordEvent(released);

        assertThat(agents().events(TENANT_A, now(), inSeconds(1))).containsExactly(released);
    }

    @Test
    void deletingAConversationsStepsLeavesOtherConversationsAndTenants() {
        agents().recordEvent(event(TENANT_A, ONE, HandoffEvent.Kind.QUEUED, now()));
        agents().recordEvent(event(TENANT_A, ONE, HandoffEvent.Kind.ASSIGNED, inSeconds(1)));
        HandoffEvent other = event(TENANT_A, TWO, HandoffEvent.Kind.QUEUED, inSeconds(2));
        HandoffEvent otherTenant = event(TENANT_B, ONE, HandoffEvent.Kind.QUEUED, inSeconds(3));
        agents().recordEvent(other);
        agents().recordEvent(otherTenant);

        assertThat(agents().deleteEvents(TENANT_A, ONE)).isEqualTo(2);

        assertThat(agents().events(TENANT_A, now(), inSeconds(10))).containsExactly(other);
        assertThat(agents().events(TENANT_B, now(), inSeconds(10))).containsExactly(otherTenant);
    }

    private static <T> List<T> runTogether(Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    assertThat(go.await(60, TimeUnit.SECONDS)).as("start signal").isTrue();
                    return task.call();
                }));
            }
            assertThat(ready.await(60, TimeUnit.SECONDS)).as("every thread ready").isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
