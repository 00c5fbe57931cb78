package dev.conversa.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.Author;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Direction;
import dev.conversa.model.EventHeader;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.StatusUpdate;
import dev.conversa.model.TenantId;
import dev.conversa.store.memory.InMemoryStores;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageStoreUpdateStatusesTest {

    private static final TenantId TENANT = TenantId.of("t");
    private static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");
    private static final ConversationKey ANNA = new ConversationKey(ChannelType.WHATSAPP, "phone-1", "anna");

    private static StatusUpdate status(String messageId, DeliveryStatus status) {
        return new StatusUpdate(new EventHeader(ChannelType.WHATSAPP, "phone-1", "anna", messageId + status, AT),
                messageId, status, List.of(), Map.of());
    }

    @Test
    void defaultAppliesEveryUpdateAsUpdateStatusWouldAndCountsTheChanges() {
        MessageStore messages = InMemoryStores.create().messages();
        messages.append(new MessageRecord(TENANT, ANNA, "wamid.1", Direction.OUTBOUND, Author.BOT, "text",
                Optional.empty(), DeliveryStatus.PENDING, AT));

        int changed = messages.updateStatuses(TENANT, List.of(status("wamid.1", DeliveryStatus.READ),
                status("wamid.1", DeliveryStatus.DELIVERED), status("wamid.unknown", DeliveryStatus.READ)));

        assertThat(changed).isEqualTo(1);
        assertThat(messages.find(TENANT, ChannelType.WHATSAPP, "wamid.1").orElseThrow().status())
                .isEqualTo(DeliveryStatus.READ);
    }
}
