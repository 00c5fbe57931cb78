package dev.conversa.store.memory;

import dev.conversa.store.Stores;
import dev.conversa.store.contract.InboxContract;
import java.time.Clock;

class InMemoryInboxContractTest extends InboxContract {

    @Override
    protected Stores createStores(Clock clock) {
        return InMemoryStores.create();
    }
}
