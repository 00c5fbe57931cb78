package dev.conversa.store.memory;

import dev.conversa.store.Stores;
import dev.conversa.store.contract.RetentionContract;
import java.time.Clock;

class InMemoryRetentionContractTest extends RetentionContract {

    @Override
    protected Stores createStores(Clock clock) {
        return InMemoryStores.create();
    }
}
