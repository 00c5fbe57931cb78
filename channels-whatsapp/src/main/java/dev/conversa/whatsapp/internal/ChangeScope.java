package dev.conversa.whatsapp.internal;

import dev.conversa.internal.json.LenientJson;
import dev.conversa.model.ChannelType;
import dev.conversa.model.EventHeader;
import dev.conversa.model.SenderProfile;
import dev.conversa.whatsapp.WhatsAppChannel;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What every item of one webhook change shares: the business number it was sent to, the
 * profiles of the users it mentions, and the time to use when an item carries none.
 *
 * @param accountId the business phone number id (or the WhatsApp Business Account id when the
 *     change has no metadata)
 * @param value the change's {@code value}
 * @param receivedAt when the webhook was read, for items without a timestamp
 * @param attributes the attributes of every item's header (the business's display number)
 */
record ChangeScope(String accountId, JsonNode value, Instant receivedAt, Map<String, String> attributes) {

    /** The scope of one change, its header attributes read once for all its items. */
    ChangeScope(String accountId, JsonNode value, Instant receivedAt) {
        this(accountId, value, receivedAt, LenientJson.nonBlank(LenientJson.object(value, "metadata"),
                        WhatsAppChannel.DISPLAY_PHONE_NUMBER)
                .map(number -> Map.of(WhatsAppChannel.DISPLAY_PHONE_NUMBER, number)).orElse(Map.of()));
    }

    /** The placeholder for ids an item does not carry. */
    static final String UNKNOWN = "unknown";

    EventHeader header(String contactId, String externalId, Instant timestamp) {
        return new EventHeader(ChannelType.WHATSAPP, accountId, contactId, externalId, timestamp, attributes);
    }

    /** A header with one more attribute, such as the member who wrote in a group. */
    EventHeader header(String contactId, String externalId, Instant timestamp, String attribute, String value) {
        Map<String, String> more = new HashMap<>(attributes);
        more.put(attribute, value);
        return new EventHeader(ChannelType.WHATSAPP, accountId, contactId, externalId, timestamp, more);
    }

    /**
     * The only user the change names in {@code contacts[]}, for an item that names its sender
     * nowhere else; empty when the change names none or several.
     */
    Optional<JsonNode> onlyContact() {
        List<JsonNode> contacts = LenientJson.array(value, "contacts");
        return contacts.size() == 1 ? Optional.of(contacts.get(0)) : Optional.empty();
    }

    /** The item's timestamp, or the receive time. */
    Instant time(JsonNode item) {
        return LenientJson.seconds(item, "timestamp").orElse(receivedAt);
    }

    /**
     * The profile Meta sent for a user, matched by value ({@code wa_id} or {@code user_id}),
     * never by position.
     */
    SenderProfile profile(Optional<String> waId, Optional<String> userId) {
        JsonNode match = null;
        for (JsonNode contact : LenientJson.array(value, "contacts")) {
            if (waId.isPresent() && waId.equals(LenientJson.nonBlank(contact, "wa_id"))
                    || userId.isPresent() && userId.equals(LenientJson.nonBlank(contact, "user_id"))) {
                match = contact;
                break;
            }
        }
        JsonNode profile = match == null ? null : LenientJson.object(match, "profile");
        return new SenderProfile(
                LenientJson.nonBlank(profile, "name"),
                LenientJson.nonBlank(profile, "username"),
                waId.isPresent() || match == null ? waId : LenientJson.nonBlank(match, "wa_id"));
    }

    /** Leaves out the change's value, which holds phone numbers, names and message text. */
    @Override
    public String toString() {
        return "ChangeScope[" + accountId + "]";
    }
}
