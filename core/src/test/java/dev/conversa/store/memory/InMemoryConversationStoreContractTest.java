package dev.conversa.store.memory;

import dev.conversa.store.Stores;
import dev.conversa.store.contract.ConversationStoreContract;
import java.time.Clock;

class InMemoryConversationStoreContractTest extends ConversationStoreContract {

    @Override
    protected Stores createStores(Clock clock) {
        return InMemoryStores.create();
    }
}
