package dev.conversa.store.contract;

import dev.conversa.model.Author;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Direction;
import dev.conversa.model.EventHeader;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.MessageContext;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.SenderProfile;
import dev.conversa.model.StatusUpdate;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small builders of test values shared by the contract suites. */
final class Samples {

    static final TenantId TENANT_A = TenantId.of("tenant-a");
    static final TenantId TENANT_B = TenantId.of("tenant-b");
    static final String ACCOUNT = "phone-number-1";

    private Samples() {}

    static ConversationKey conversation(String contactId) {
        return new ConversationKey(ChannelType.WHATSAPP, ACCOUNT, contactId);
    }

    static InboundEvent message(ConversationKey conversation, String externalId, Instant at) {
        EventHeader header = new EventHeader(conversation.channel(), conversation.accountId(),
                conversation.contactId(), externalId, at);
        return new InboundMessage(header, new Text("hello " + externalId), MessageContext.NONE, SenderProfile.UNKNOWN);
    }

    static InboundEvent status(ConversationKey conversation, String externalId, Instant at) {
        EventHeader header = new EventHeader(conversation.channel(), conversation.accountId(),
                conversation.contactId(), externalId, at);
        return new StatusUpdate(header, "wamid.sent-1", DeliveryStatus.DELIVERED, List.of(), Map.of());
    }

    static MessageRecord record(TenantId tenant, ConversationKey conversation, String messageId, Instant at) {
        return new MessageRecord(tenant, conversation, messageId, Direction.INBOUND, Author.CUSTOMER, "text",
                Optional.of("text of " + messageId), DeliveryStatus.DELIVERED, at);
    }

    static OutboundMessage reply(ConversationKey conversation, String body) {
        return OutboundMessage.text(conversation, body);
    }
}
