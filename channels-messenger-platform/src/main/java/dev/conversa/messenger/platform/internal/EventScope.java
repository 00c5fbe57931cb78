package dev.conversa.messenger.platform.internal;

import dev.conversa.internal.json.LenientJson;
import dev.conversa.model.ChannelType;
import dev.conversa.model.EventHeader;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One event of {@code entry[].messaging[]} or {@code entry[].standby[]} with the facts every
 * normalized event needs: the business account (the entry id), the customer (the sender, or the
 * recipient for the business's own echoes) and the time.
 */
record EventScope(ChannelType channel, String accountId, String contactId, Instant timestamp, JsonNode event) {

    static final String UNKNOWN = "unknown";

    static EventScope of(ChannelType channel, JsonNode entry, JsonNode event) {
        // each fact with its fallback, without a lambda per event
        Optional<String> entryId = LenientJson.nonEmpty(entry, "id");
        String account = (entryId.isPresent() ? entryId : LenientJson.nonEmpty(event.path("recipient"), "id"))
                .orElse(UNKNOWN);
        boolean echo = LenientJson.flag(event.path("message"), "is_echo");
        JsonNode customer = echo ? event.path("recipient") : event.path("sender");
        Optional<String> customerId = LenientJson.nonEmpty(customer, "id");
        String contact = (customerId.isPresent() ? customerId : LenientJson.nonEmpty(customer, "user_ref"))
                .orElse(UNKNOWN);
        Optional<Instant> eventTime = LenientJson.millis(event, "timestamp");
        Instant time = (eventTime.isPresent() ? eventTime : LenientJson.millis(entry, "time")).orElse(Instant.EPOCH);
        return new EventScope(channel, account, contact, time, event);
    }

    EventHeader header(String externalId) {
        return new EventHeader(channel, accountId, contactId, externalId, timestamp);
    }

    /** An id for an event without a message id: its type, the customer and the time. */
    String derivedId(String type, Optional<String> discriminator) {
        return type + ":" + contactId + ":" + timestamp.toEpochMilli() + discriminator.map(d -> ":" + d).orElse("");
    }

    String raw() {
        return event.toString();
    }

    /** Leaves out the raw event and the customer's id, which may hold message text. */
    @Override
    public String toString() {
        return "EventScope[" + channel + ", " + accountId + ", " + timestamp + "]";
    }
}
