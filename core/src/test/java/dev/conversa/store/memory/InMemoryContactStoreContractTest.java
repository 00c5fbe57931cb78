package dev.conversa.store.memory;

import dev.conversa.store.Stores;
import dev.conversa.store.contract.ContactStoreContract;
import java.time.Clock;

class InMemoryContactStoreContractTest extends ContactStoreContract {

    @Override
    protected Stores createStores(Clock clock) {
        return InMemoryStores.create();
    }
}
