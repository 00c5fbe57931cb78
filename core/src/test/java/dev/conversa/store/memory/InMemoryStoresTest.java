package dev.conversa.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import dev.conversa.store.Stores;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryStoresTest {

    @Test
    void eachCreatedSetOfStoresSharesNothingWithAnother() {
        Stores first = InMemoryStores.create();
        Stores second = InMemoryStores.create();
        TenantId tenant = TenantId.of("t");
        ConversationKey key = new ConversationKey(ChannelType.WHATSAPP, "phone-1", "anna");

        first.conversations().getOrOpen(tenant, key, Instant.parse("2026-01-05T09:00:00Z"));

        assertThat(first.conversations().find(tenant, key)).isPresent();
        assertThat(second.conversations().find(tenant, key)).isEmpty();
    }
}
