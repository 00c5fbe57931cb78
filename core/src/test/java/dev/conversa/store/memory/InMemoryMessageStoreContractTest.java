package dev.conversa.store.memory;

import dev.conversa.store.Stores;
import dev.conversa.store.contract.MessageStoreContract;
import java.time.Clock;

class InMemoryMessageStoreContractTest extends MessageStoreContract {

    @Override
    protected Stores createStores(Clock clock) {
        return InMemoryStores.create();
    }
}
