package dev.conversa.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.agent.AgentQueue;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The queue gauges read the agent store: what waits now, over the configured tenants' queues. */
class AgentQueueGaugesTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId OTHER = TenantId.of("other");
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private final Stores stores = InMemoryStores.create();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private static ConversationKey conversation(String contact) {
        return new ConversationKey(ChannelType.WHATSAPP, "wa-1", contact);
    }

    @Test
    void countWhatWaitsInEveryQueueOfTheConfiguredTenantsAndTheOldestWait() {
        // given
        stores.agents().saveQueue(AgentQueue.of(ACME, "support", "Support").asDefault());
        stores.agents().saveQueue(AgentQueue.of(ACME, "sales", "Sales"));
        stores.agents().enqueue(ACME, conversation("a"), "support", "asked", NOW.minusSeconds(90));
        stores.agents().enqueue(ACME, conversation("b"), "sales", "asked", NOW.minusSeconds(30));
        stores.agents().enqueue(OTHER, conversation("c"), AgentQueue.DEFAULT_ID, "asked", NOW.minusSeconds(600));

        // when
        new AgentQueueGauges(registry, stores.agents(), Clock.fixed(NOW, ZoneOffset.UTC), List.of(ACME));

        // then
        assertThat(registry.get("conversa.agents.waiting").gauge().value()).isEqualTo(2.0);
        assertThat(registry.get("conversa.agents.oldest.waiting").timeGauge().value(TimeUnit.SECONDS)).isEqualTo(90.0);
    }

    @Test
    void areZeroWhenNothingWaits() {
        new AgentQueueGauges(registry, stores.agents(), Clock.fixed(NOW, ZoneOffset.UTC), List.of(ACME));

        assertThat(registry.get("conversa.agents.waiting").gauge().value()).isZero();
        assertThat(registry.get("conversa.agents.oldest.waiting").timeGauge().value(TimeUnit.SECONDS)).isZero();
    }
}
