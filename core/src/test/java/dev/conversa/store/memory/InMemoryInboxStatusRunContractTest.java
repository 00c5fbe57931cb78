package dev.conversa.store.memory;

import dev.conversa.store.Stores;
import dev.conversa.store.contract.InboxStatusRunContract;
import java.time.Clock;

class InMemoryInboxStatusRunContractTest extends InboxStatusRunContract {

    @Override
    protected Stores createStores(Clock clock) {
        return InMemoryStores.create();
    }
}
