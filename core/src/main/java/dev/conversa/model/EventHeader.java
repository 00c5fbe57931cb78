package dev.conversa.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every inbound event carries: where it came from, who it concerns, its channel id and
 * its time.
 *
 * @param channel the channel
 * @param accountId the business account it was sent to (phone number id, Page id, Instagram
 *     account id)
 * @param contactId the customer it concerns (wa_id or business-scoped user id, PSID, IGSID)
 * @param externalId the channel's id of the event, unique per account, used to drop
 *     redeliveries ({@code wamid}, {@code mid}, or a stable id derived from the payload for
 *     events without one)
 * @param timestamp when the channel says it happened
 * @param attributes channel-specific facts about where the event arrived, by name, such as
 *     WhatsApp's {@code display_phone_number} of the business number; empty when there are none
 */
public record EventHeader(
        ChannelType channel, String accountId, String contactId, String externalId, Instant timestamp,
        Map<String, String> attributes) {

    /**
     * The {@link #attributes()} key of the group member who wrote, on an event written in a group:
     * then {@code contactId} names the group, which is the conversation, and this attribute the
     * person (a wa_id or business-scoped user id), who is stored as the contact.
     */
    public static final String PARTICIPANT = "participant";

    /** Checks that no field is null or blank, and copies the attributes. */
    public EventHeader {
        Objects.requireNonNull(channel, "channel");
        Ids.requireId(accountId, "accountId");
        Ids.requireId(contactId, "contactId");
        Ids.requireId(externalId, "externalId");
        Objects.requireNonNull(timestamp, "timestamp");
        attributes = Map.copyOf(attributes);
    }

    /**
     * A header without attributes.
     *
     * @param channel the channel
     * @param accountId the business account
     * @param contactId the customer
     * @param externalId the channel's id of the event
     * @param timestamp when it happened
     */
    public EventHeader(ChannelType channel, String accountId, String contactId, String externalId, Instant timestamp) {
        this(channel, accountId, contactId, externalId, timestamp, Map.of());
    }

    /**
     * The group member who wrote, when the event was written in a group ({@link #PARTICIPANT}).
     *
     * @return the member's id, empty outside a group
     */
    public Optional<String> participant() {
        return Optional.ofNullable(attributes.get(PARTICIPANT));
    }

    /**
     * The conversation this event belongs to.
     *
     * @return its key
     */
    public ConversationKey conversation() {
        return new ConversationKey(channel, accountId, contactId);
    }
}
