package dev.conversa.model;

import java.util.Objects;

/**
 * An event no adapter understands, kept with its raw JSON so nothing is dropped.
 *
 * @param header where, who, which id, when; ids the adapter could not find are set to
 *     {@code "unknown"}
 * @param type the channel's name for the event, such as a webhook field
 * @param rawJson the event's JSON as the channel sent it
 */
public record Unsupported(EventHeader header, String type, String rawJson) implements InboundEvent {

    /** Checks the fields are not null. */
    public Unsupported {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(rawJson, "rawJson");
    }

    @Override
    public String kind() {
        return "unsupported";
    }

    /** Leaves out the raw JSON, which may hold personal data. */
    @Override
    public String toString() {
        return "Unsupported[" + type + ", " + header.externalId() + "]";
    }
}
