package dev.conversa.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.store.memory.InMemoryStores;
import org.junit.jupiter.api.Test;

class StoresTest {

    @Test
    void buildNamesTheFirstStoreNotSet() {
        Stores memory = InMemoryStores.create();
        Stores.Builder withoutLedger = Stores.builder().accounts(memory.accounts()).contacts(memory.contacts())
                .conversations(memory.conversations()).messages(memory.messages()).inbox(memory.inbox())
                .outbox(memory.outbox()).audit(memory.audit()).consents(memory.consents())
                .deletionRequests(memory.deletionRequests()).deadLetters(memory.deadLetters());

        assertThatThrownBy(withoutLedger::build).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("erasures is required");
    }

    @Test
    void aCopyWithOneStoreReplacedLeavesTheOriginalAsItWas() {
        Stores original = InMemoryStores.create();
        Inbox other = InMemoryStores.create().inbox();

        Stores copy = original.toBuilder().inbox(other).build();

        assertThat(copy.inbox()).isSameAs(other);
        assertThat(original.inbox()).isNotSameAs(other);
        assertThat(copy.outbox()).isSameAs(original.outbox());
        assertThat(copy.erasures()).isSameAs(original.erasures());
    }
}
