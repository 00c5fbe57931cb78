package dev.conversa.store.memory;

import dev.conversa.store.Stores;
import dev.conversa.store.contract.AccountStoreContract;
import java.time.Clock;

class InMemoryAccountStoreContractTest extends AccountStoreContract {

    @Override
    protected Stores createStores(Clock clock) {
        return InMemoryStores.create();
    }
}
