package dev.conversa.whatsapp.internal;

import dev.conversa.internal.json.LenientJson;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.StatusUpdate;
import dev.conversa.whatsapp.WhatsAppChannel;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns one item of {@code value.statuses[]} into a {@link StatusUpdate}. A message gets
 * several statuses, so the event id is {@code wamid:status}. Every fact besides the id,
 * status, time, recipient and errors (conversation, pricing, callback data, group
 * participant) is kept in the details under its dotted JSON path.
 */
final class StatusParser {

    private static final Set<String> MAPPED = Set.of("id", "status", "timestamp", "recipient_id", "errors");
    private static final Map<String, DeliveryStatus> STATUSES = Map.of(
            "sent", DeliveryStatus.SENT,
            "delivered", DeliveryStatus.DELIVERED,
            "read", DeliveryStatus.READ,
            "played", DeliveryStatus.PLAYED,
            "failed", DeliveryStatus.FAILED);

    private StatusParser() {}

    static StatusUpdate status(ChangeScope scope, JsonNode status) {
        String messageId = LenientJson.required(status, "id");
        String statusName = LenientJson.required(status, "status").toLowerCase(Locale.ROOT);
        Optional<String> recipientId = LenientJson.nonBlank(status, "recipient_id");
        String recipient = (recipientId.isPresent() ? recipientId : LenientJson.nonBlank(status, "recipient_user_id"))
                .orElseThrow(() -> new MalformedException("missing 'recipient_id'"));
        // a message sent to a group reports the group, as the conversation's id names it
        String contactId = "group".equals(LenientJson.text(status, "recipient_type").orElse(""))
                ? WhatsAppChannel.GROUP_PREFIX + recipient : recipient;
        Map<String, String> details = null;
        for (Map.Entry<String, JsonNode> field : status.properties()) {
            if (!MAPPED.contains(field.getKey())) {
                if (details == null) {
                    details = new HashMap<>();
                }
                LenientJson.flatten(field.getKey(), field.getValue(), details);
            }
        }
        return new StatusUpdate(scope.header(contactId, messageId + ":" + statusName, scope.time(status)),
                messageId, deliveryStatus(statusName), ChannelErrors.of(status),
                details == null ? Map.of() : details);
    }

    static DeliveryStatus deliveryStatus(String name) {
        return STATUSES.getOrDefault(name, DeliveryStatus.UNKNOWN);
    }
}
