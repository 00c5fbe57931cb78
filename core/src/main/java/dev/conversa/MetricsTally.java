package dev.conversa;

import dev.conversa.agent.AgentMetrics;
import dev.conversa.agent.AgentQueue;
import dev.conversa.agent.Assignment;
import dev.conversa.agent.HandoffEvent;
import dev.conversa.model.Author;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import dev.conversa.store.MessageMark;
import dev.conversa.store.Stores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes {@link AgentMetrics} from the stored handoff steps and message marks of a period,
 * following each handoff from its start. Not thread-safe: one instance per computation.
 */
final class MetricsTally {

    private final Map<ConversationKey, List<Instant>> agentMessages = new HashMap<>();
    private final Map<ConversationKey, Handoff> open = new HashMap<>();
    private final List<Duration> firstResponses = new ArrayList<>();
    private final List<Duration> resolutions = new ArrayList<>();
    private final List<Duration> waits = new ArrayList<>();
    private final Map<String, Set<ConversationKey>> perAgent = new HashMap<>();
    private final Set<ConversationKey> handedOff = new HashSet<>();

    /** A handoff that started in the period: when, and since when it waits (null: an agent holds it). */
    private static final class Handoff {
        private final Instant start;
        private Instant waitingSince;

        Handoff(Instant start) {
            this.start = start;
            this.waitingSince = start;
        }
    }

    static AgentMetrics compute(Stores stores, String defaultQueue, TenantId tenant, Instant from, Instant to,
            Instant now) {
        List<MessageMark> marks = stores.messages().marks(tenant, from, to);
        MetricsTally tally = new MetricsTally();
        Map<String, Integer> perChannel = new TreeMap<>();
        Set<ConversationKey> customerWrote = new HashSet<>();
        for (MessageMark mark : marks) {
            perChannel.merge(mark.conversation().channel().value(), 1, Integer::sum);
            if (mark.author() == Author.CUSTOMER) {
                customerWrote.add(mark.conversation());
            } else if (mark.author() == Author.AGENT) {
                tally.agentMessages.computeIfAbsent(mark.conversation(), k -> new ArrayList<>()).add(mark.timestamp());
            }
        }
        stores.agents().events(tenant, from, to).forEach(tally::step);
        tally.open.forEach((conversation, handoff) -> tally.firstResponse(conversation, handoff, to));
        Map<String, Integer> perAgent = new TreeMap<>();
        tally.perAgent.forEach((agent, conversations) -> perAgent.put(agent, conversations.size()));
        int conversations = customerWrote.size();
        customerWrote.removeAll(tally.handedOff);
        return new AgentMetrics(tenant, from, to, now, AgentMetrics.Timing.of(tally.firstResponses),
                AgentMetrics.Timing.of(tally.resolutions), AgentMetrics.Timing.of(tally.waits),
                queues(stores, defaultQueue, tenant, now), perAgent, perChannel, conversations,
                tally.handedOff.size(), customerWrote.size());
    }

    private void step(HandoffEvent event) {
        ConversationKey key = event.conversation();
        Handoff handoff = open.get(key);
        switch (event.kind()) {
            case QUEUED -> {
                open.put(key, new Handoff(event.at()));
                handedOff.add(key);
            }
            case ASSIGNED -> {
                event.agent().ifPresent(agent -> perAgent.computeIfAbsent(agent, a -> new HashSet<>()).add(key));
                if (handoff != null && handoff.waitingSince != null) {
                    waits.add(Duration.between(handoff.waitingSince, event.at()));
                    handoff.waitingSince = null;
                }
            }
            case REQUEUED -> {
                if (handoff != null) {
                    handoff.waitingSince = event.at();
                }
            }
            case RELEASED, CLOSED -> {
                if (handoff != null) {
                    resolutions.add(Duration.between(handoff.start, event.at()));
                    firstResponse(key, handoff, event.at());
                    open.remove(key);
                }
            }
        }
    }

    private void firstResponse(ConversationKey key, Handoff handoff, Instant end) {
        agentMessages.getOrDefault(key, List.of()).stream()
                .filter(at -> !at.isBefore(handoff.start) && at.isBefore(end))
                .findFirst()
                .ifPresent(at -> firstResponses.add(Duration.between(handoff.start, at)));
    }

    private static List<AgentMetrics.QueueNow> queues(Stores stores, String defaultQueue, TenantId tenant,
            Instant now) {
        Set<String> ids = new TreeSet<>();
        stores.agents().listQueues(tenant).stream().map(AgentQueue::id).forEach(ids::add);
        ids.add(defaultQueue);
        List<AgentMetrics.QueueNow> queues = new ArrayList<>();
        for (String id : ids) {
            List<Assignment> waiting = stores.agents().waiting(tenant, id, Integer.MAX_VALUE);
            Optional<Duration> oldest = waiting.stream().findFirst().map(a -> Duration.between(a.queuedAt(), now));
            queues.add(new AgentMetrics.QueueNow(id, waiting.size(), oldest));
        }
        return queues;
    }
}
