package dev.conversa.store.memory;

import dev.conversa.store.Stores;
import dev.conversa.store.contract.AgentStoreContract;
import java.time.Clock;

class InMemoryAgentStoreContractTest extends AgentStoreContract {

    @Override
    protected Stores createStores(Clock clock) {
        return InMemoryStores.create();
    }
}
