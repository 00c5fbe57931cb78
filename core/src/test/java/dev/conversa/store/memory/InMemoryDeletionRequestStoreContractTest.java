package dev.conversa.store.memory;

import dev.conversa.store.Stores;
import dev.conversa.store.contract.DeletionRequestStoreContract;
import java.time.Clock;

class InMemoryDeletionRequestStoreContractTest extends DeletionRequestStoreContract {

    @Override
    protected Stores createStores(Clock clock) {
        return InMemoryStores.create();
    }
}
