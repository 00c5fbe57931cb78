package dev.conversa.model;

import java.util.Map;
import java.util.Objects;

/**
 * The customer gave or withdrew consent through the channel: WhatsApp's marketing opt-out and
 * opt-in, Messenger's opt-ins and marketing-message subscriptions.
 *
 * @param header where, who, which id, when
 * @param topic what the consent is for, as the channel names it ({@code "marketing_messages"},
 *     {@code "notification_messages"}, {@code "optin"})
 * @param optedIn true when given, false when withdrawn
 * @param details other facts the channel sent, by name (token, frequency, ref)
 */
public record OptIn(EventHeader header, String topic, boolean optedIn, Map<String, String> details)
        implements InboundEvent {

    /** Checks the fields and copies the map. */
    public OptIn {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(topic, "topic");
        details = Map.copyOf(details);
    }

    @Override
    public String kind() {
        return "optin";
    }
}
