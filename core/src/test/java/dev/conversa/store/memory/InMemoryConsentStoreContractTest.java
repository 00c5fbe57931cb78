package dev.conversa.store.memory;

import dev.conversa.store.Stores;
import dev.conversa.store.contract.ConsentStoreContract;
import java.time.Clock;

class InMemoryConsentStoreContractTest extends ConsentStoreContract {

    @Override
    protected Stores createStores(Clock clock) {
        return InMemoryStores.create();
    }
}
