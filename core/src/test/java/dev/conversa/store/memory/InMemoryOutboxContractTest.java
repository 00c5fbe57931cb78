package dev.conversa.store.memory;

import dev.conversa.store.Stores;
import dev.conversa.store.contract.OutboxContract;
import java.time.Clock;

class InMemoryOutboxContractTest extends OutboxContract {

    @Override
    protected Stores createStores(Clock clock) {
        return InMemoryStores.create();
    }
}
