package dev.conversa.store.memory;

import dev.conversa.store.Stores;
import dev.conversa.store.contract.AuditLogContract;
import java.time.Clock;

class InMemoryAuditLogContractTest extends AuditLogContract {

    @Override
    protected Stores createStores(Clock clock) {
        return InMemoryStores.create();
    }
}
