package dev.conversa.store.memory;

import dev.conversa.store.Stores;
import dev.conversa.store.contract.ErasureLedgerContract;
import java.time.Clock;

class InMemoryErasureLedgerContractTest extends ErasureLedgerContract {

    @Override
    protected Stores createStores(Clock clock) {
        return InMemoryStores.create();
    }
}
