package dev.conversa.store.memory;

import dev.conversa.store.Stores;
import dev.conversa.store.contract.InboxClaimContract;
import java.time.Clock;

class InMemoryInboxClaimContractTest extends InboxClaimContract {

    @Override
    protected Stores createStores(Clock clock) {
        return InMemoryStores.create();
    }
}
