package dev.conversa.store;

import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * One consent change of a person on a channel of a tenant: they opted in to, or out of, a
 * topic at a time, told through a source. A person's state for a topic is their latest change
 * by {@link #at()}.
 *
 * <p>{@link #toString()} leaves out the contact id, which is a phone number on WhatsApp.
 * Immutable and thread-safe.
 *
 * @param tenant the business
 * @param channel the channel the person is on
 * @param contactId the person's id there (wa_id, PSID, IGSID)
 * @param topic what the consent is for, such as {@code "marketing_messages"}, or {@link #ALL}
 *     for everything the business may send
 * @param optedIn true when given, false when withdrawn
 * @param at when the person changed it (the channel's time for channel events)
 * @param source who told us, such as {@link #SOURCE_CHANNEL}, {@link #SOURCE_KEYWORD} or
 *     {@link #SOURCE_HOST}
 */
public record ConsentRecord(
        TenantId tenant, ChannelType channel, String contactId, String topic, boolean optedIn, Instant at,
        String source) {

    /** The topic that covers every message the business may send (STOP / START). */
    public static final String ALL = "all";
    /** The channel reported the change (WhatsApp marketing preferences, Messenger opt-ins). */
    public static final String SOURCE_CHANNEL = "channel";
    /** The person wrote a keyword such as STOP or START. */
    public static final String SOURCE_KEYWORD = "keyword";
    /** The host application recorded it (a form, an agent, an import). */
    public static final String SOURCE_HOST = "host";

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if the contact id, topic or source is blank or longer
     *     than the stores keep (200, 100 and 40 characters)
     */
    public ConsentRecord {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        requireName(contactId, "contactId", 200);
        requireName(topic, "topic", 100);
        Objects.requireNonNull(at, "at");
        requireName(source, "source", 40);
    }

    private static void requireName(String value, String field, int max) {
        Objects.requireNonNull(value, field);
        if (value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(field + " must be 1-" + max + " non-blank characters");
        }
    }

    /** Shows the tenant, channel, topic, state, time and source; never the contact id. */
    @Override
    public String toString() {
        return "ConsentRecord[" + tenant + ", " + channel + ", " + topic + ", " + (optedIn ? "in" : "out") + ", "
                + at + ", " + source + "]";
    }
}
