package dev.conversa.store.memory;

import dev.conversa.store.Stores;
import dev.conversa.store.contract.DeadLetterStoreContract;
import java.time.Clock;

class InMemoryDeadLetterStoreContractTest extends DeadLetterStoreContract {

    @Override
    protected Stores createStores(Clock clock) {
        return InMemoryStores.create();
    }
}
