package dev.conversa.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The channel reports how far one of the business's messages got.
 *
 * @param header where, who, which id, when; {@code contactId} is the recipient
 * @param messageId the channel's id of the business's message
 * @param status the new status
 * @param errors why it failed, for {@link DeliveryStatus#FAILED}
 * @param details other facts the channel sent, by name (conversation id and origin, pricing
 *     category and model, billable)
 */
public record StatusUpdate(
        EventHeader header, String messageId, DeliveryStatus status, List<ChannelError> errors,
        Map<String, String> details)
        implements InboundEvent {

    /** Checks the fields and copies the collections. */
    public StatusUpdate {
        Objects.requireNonNull(header, "header");
        Ids.requireId(messageId, "messageId");
        Objects.requireNonNull(status, "status");
        errors = List.copyOf(errors);
        details = Map.copyOf(details);
    }

    @Override
    public String kind() {
        return "status";
    }
}
