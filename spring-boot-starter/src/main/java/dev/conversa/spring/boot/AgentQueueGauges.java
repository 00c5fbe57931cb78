package dev.conversa.spring.boot;

import dev.conversa.agent.AgentQueue;
import dev.conversa.agent.Assignment;
import dev.conversa.model.TenantId;
import dev.conversa.store.AgentStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Gauges of the conversations waiting for a person, read from the agent store at each scrape,
 * over the tenants of the configured accounts (each tenant's saved queues and its default
 * queue), so every instance reports the same figures. No tags: a tenant or queue of one customer
 * would not be personal data, but the starter keeps its meters free of ids.
 * <ul>
 *   <li>{@code conversa.agents.waiting} (gauge): conversations waiting in a queue;
 *   <li>{@code conversa.agents.oldest.waiting} (time gauge, seconds): how long the longest
 *       waiting one has waited, zero when none waits.
 * </ul>
 * Thread-safe.
 */
final class AgentQueueGauges {

    private final AgentStore agents;
    private final Clock clock;
    private final List<TenantId> tenants;

    AgentQueueGauges(MeterRegistry registry, AgentStore agents, Clock clock, List<TenantId> tenants) {
        this.agents = agents;
        this.clock = clock;
        this.tenants = List.copyOf(tenants);
        Gauge.builder("conversa.agents.waiting", this, AgentQueueGauges::waiting)
                .description("Conversations waiting in a queue for a person")
                .register(registry);
        TimeGauge.builder("conversa.agents.oldest.waiting", this, TimeUnit.SECONDS, AgentQueueGauges::oldestSeconds)
                .description("How long the longest waiting conversation has waited for a person")
                .register(registry);
    }

    double waiting() {
        return waitingNow().size();
    }

    double oldestSeconds() {
        Instant now = clock.instant();
        return waitingNow().stream().map(Assignment::queuedAt).min(Instant::compareTo)
                .map(oldest -> (double) Duration.between(oldest, now).toSeconds()).orElse(0.0);
    }

    private List<Assignment> waitingNow() {
        return tenants.stream().flatMap(tenant -> queueIds(tenant).stream()
                .flatMap(queue -> agents.waiting(tenant, queue, Integer.MAX_VALUE).stream())).toList();
    }

    private TreeSet<String> queueIds(TenantId tenant) {
        List<AgentQueue> queues = agents.listQueues(tenant);
        TreeSet<String> ids = new TreeSet<>();
        queues.forEach(queue -> ids.add(queue.id()));
        Optional<AgentQueue> defaultQueue = queues.stream().filter(AgentQueue::defaultQueue).findFirst();
        ids.add(defaultQueue.map(AgentQueue::id).orElse(AgentQueue.DEFAULT_ID));
        return ids;
    }
}
