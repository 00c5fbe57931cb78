package dev.conversa.jdbc;

import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.EventHeader;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.MessageContext;
import dev.conversa.model.SenderProfile;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Customer messages spread round-robin over conversations, and what processing them must
 * produce: per conversation, the messages in the order they were written.
 */
final class Workload {

    static final TenantId TENANT = TenantId.of("durability");

    private final List<InboundEvent> events = new ArrayList<>();
    private final Map<ConversationKey, List<String>> expected = new LinkedHashMap<>();

    private Workload(int count, int conversations, Instant at) {
        for (int i = 0; i < count; i++) {
            ConversationKey key = new ConversationKey(ChannelType.WHATSAPP, "phone-1", "contact-" + (i % conversations));
            String externalId = "wamid." + i;
            events.add(message(key, externalId, at));
            expected.computeIfAbsent(key, k -> new ArrayList<>()).add(externalId);
        }
    }

    static Workload of(int count, int conversations, Instant at) {
        return new Workload(count, conversations, at);
    }

    static InboundEvent message(ConversationKey key, String externalId, Instant at) {
        EventHeader header = new EventHeader(key.channel(), key.accountId(), key.contactId(), externalId, at);
        return new InboundMessage(header, new Text("question " + externalId), MessageContext.NONE,
                SenderProfile.UNKNOWN);
    }

    /** The events in webhook-sized batches, in the order they were written. */
    List<List<InboundEvent>> batches(int size) {
        List<List<InboundEvent>> batches = new ArrayList<>();
        for (int i = 0; i < events.size(); i += size) {
            batches.add(events.subList(i, Math.min(events.size(), i + size)));
        }
        return batches;
    }

    int size() {
        return events.size();
    }

    Map<ConversationKey, List<String>> expectedOrder() {
        return expected;
    }
}
