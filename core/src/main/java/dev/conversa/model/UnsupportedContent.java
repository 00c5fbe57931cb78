package dev.conversa.model;

import java.util.List;
import java.util.Objects;

/**
 * Content this version cannot read, kept with its raw JSON so nothing is lost.
 *
 * @param type the channel's name for the content type, such as {@code "poll"}
 * @param rawJson the content's JSON exactly as the channel sent it
 * @param errors what the channel said about it, when anything
 */
public record UnsupportedContent(String type, String rawJson, List<ChannelError> errors) implements MessageContent {

    /** Checks the fields and copies the list. */
    public UnsupportedContent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(rawJson, "rawJson");
        errors = List.copyOf(errors);
    }

    @Override
    public String kind() {
        return "unsupported";
    }

    @Override
    public String readableText() {
        return "";
    }

    /** Leaves out the raw JSON, which may hold personal data. */
    @Override
    public String toString() {
        return "UnsupportedContent[" + type + ", errors=" + errors + "]";
    }
}
