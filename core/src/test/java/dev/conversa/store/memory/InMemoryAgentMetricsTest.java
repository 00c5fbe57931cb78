package dev.conversa.store.memory;

import dev.conversa.store.Stores;
import dev.conversa.store.contract.AgentMetricsContract;
import java.time.Clock;

class InMemoryAgentMetricsTest extends AgentMetricsContract {

    @Override
    protected Stores createStores(Clock clock) {
        return InMemoryStores.create();
    }
}
