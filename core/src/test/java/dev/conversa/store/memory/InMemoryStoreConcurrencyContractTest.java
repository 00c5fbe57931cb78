package dev.conversa.store.memory;

import dev.conversa.store.Stores;
import dev.conversa.store.contract.StoreConcurrencyContract;
import java.time.Clock;

class InMemoryStoreConcurrencyContractTest extends StoreConcurrencyContract {

    @Override
    protected Stores createStores(Clock clock) {
        return InMemoryStores.create();
    }
}
