package dev.conversa.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.Agents;
import dev.conversa.Conversa;
import dev.conversa.agent.Agent;
import dev.conversa.agent.AgentQueue;
import dev.conversa.agent.Assignment;
import dev.conversa.agent.AssignmentStrategy;
import dev.conversa.agent.Presence;
import dev.conversa.conversation.StateChange;
import dev.conversa.lang.Secret;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.TenantId;
import dev.conversa.store.Stores;
import dev.conversa.testsupport.AcceptingGraph;
import dev.conversa.testsupport.EchoTestChannel;
import dev.conversa.testsupport.MutableClock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code conversa.agents()} on two instances sharing one database, with many threads claiming
 * and assigning at once: no conversation is ever held by two agents, no agent goes over the
 * maximum, and listeners hear each assignment once. On H2 and PostgreSQL.
 */
class AgentClaimsTest {

    private static final TenantId TENANT = TenantId.of("shop");
    private static final int THREADS = 8;
    private static final int CONVERSATIONS = 24;

    private final MutableClock clock = MutableClock.at("2026-01-05T09:00:00Z");
    private final List<StateChange> heard = new CopyOnWriteArrayList<>();

    private Stores stores(String database) {
        return (database.equals("h2") ? TestDatabases.h2(clock) : TestDatabases.postgres(clock)).stores();
    }

    private Conversa instance(Stores stores) {
        return Conversa.builder().appSecret(Secret.of("secret")).verifyToken(Secret.of("verify"))
                .channel(new EchoTestChannel()).stores(stores).graphClient(new AcceptingGraph()).clock(clock)
                .stateListener(heard::add).build();
    }

    private List<ConversationKey> waitingConversations(Stores stores, Conversa conversa) {
        List<ConversationKey> keys = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            ConversationKey key = new ConversationKey(EchoTestChannel.TYPE, "acct-1", "1555000" + (1000 + i));
            stores.conversations().getOrOpen(TENANT, key, clock.instant());
            conversa.conversations().changeState(TENANT, key, ConversationState.WAITING_FOR_AGENT);
            keys.add(key);
        }
        heard.clear();
        return keys;
    }

    private static void agents(Agents agents, int max) {
        for (int i = 0; i < THREADS; i++) {
            agents.save(Agent.builder().tenant(TENANT).id("agent" + i).displayName("Agent " + i)
                    .queue(AgentQueue.DEFAULT_ID).presence(Presence.ONLINE).maxConversations(max).build());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void concurrentClaimsFromTwoInstancesAssignEveryConversationExactlyOnce(String database) throws Exception {
        // given
        Stores stores = stores(database);
        Conversa first = instance(stores);
        Conversa second = instance(stores);
        List<ConversationKey> waiting = waitingConversations(stores, first);
        agents(first.agents(), 100);

        // when: every agent tries to claim every conversation, half of them through each instance
        List<List<ConversationKey>> won = runTogether(index -> {
            Agents agents = (index % 2 == 0 ? first : second).agents();
            List<ConversationKey> mine = new ArrayList<>();
            for (ConversationKey key : waiting) {
                agents.claim(TENANT, key, "agent" + index).ifPresent(taken -> mine.add(key));
            }
            return mine;
        });

        // then
        List<ConversationKey> all = won.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(CONVERSATIONS).doesNotHaveDuplicates();
        for (int i = 0; i < THREADS; i++) {
            assertThat(first.agents().assignedTo(TENANT, "agent" + i)).extracting(Assignment::conversation)
                    .containsExactlyInAnyOrderElementsOf(won.get(i));
        }
        for (ConversationKey key : waiting) {
            assertThat(first.conversations().find(TENANT, key).orElseThrow().state())
                    .isEqualTo(ConversationState.WITH_AGENT);
        }
        assertThat(heard).hasSize(CONVERSATIONS).allSatisfy(change -> {
            assertThat(change.origin()).isEqualTo(StateChange.Origin.AGENT);
            assertThat(change.to()).isEqualTo(ConversationState.WITH_AGENT);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void concurrentAutomaticAssignmentNeverTakesAnAgentOverTheMaximum(String database) throws Exception {
        // given: 8 agents of at most 2 conversations for 24 waiting ones
        Stores stores = stores(database);
        Conversa first = instance(stores);
        Conversa second = instance(stores);
        List<ConversationKey> waiting = waitingConversations(stores, first);
        agents(first.agents(), 2);

        // when
        List<List<ConversationKey>> assigned = runTogether(index -> {
            Agents agents = (index % 2 == 0 ? first : second).agents();
            AssignmentStrategy strategy = index < THREADS / 2 ? AssignmentStrategy.ROUND_ROBIN
                    : AssignmentStrategy.LEAST_BUSY;
            List<ConversationKey> mine = new ArrayList<>();
            Optional<Assignment> next = agents.assignNext(TENANT, AgentQueue.DEFAULT_ID, strategy);
            while (next.isPresent()) {
                mine.add(next.get().conversation());
                next = agents.assignNext(TENANT, AgentQueue.DEFAULT_ID, strategy);
            }
            return mine;
        });

        // then
        List<ConversationKey> all = assigned.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(THREADS * 2).doesNotHaveDuplicates();
        Set<ConversationKey> held = new HashSet<>();
        for (int i = 0; i < THREADS; i++) {
            List<Assignment> mine = first.agents().assignedTo(TENANT, "agent" + i);
            assertThat(mine).hasSize(2);
            mine.forEach(assignment -> held.add(assignment.conversation()));
        }
        assertThat(held).containsExactlyInAnyOrderElementsOf(all);
        assertThat(first.agents().waiting(TENANT, AgentQueue.DEFAULT_ID, 100)).hasSize(CONVERSATIONS - THREADS * 2);
        assertThat(waiting).containsAll(all);
    }

    private interface Work<T> {
        T run(int index) throws Exception;
    }

    private static <T> List<T> runTogether(Work<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int index = i;
                Callable<T> task = () -> {
                    ready.countDown();
                    assertThat(go.await(60, TimeUnit.SECONDS)).as("start signal").isTrue();
                    return work.run(index);
                };
                futures.add(pool.submit(task));
            }
            assertThat(ready.await(60, TimeUnit.SECONDS)).as("every thread ready").isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
