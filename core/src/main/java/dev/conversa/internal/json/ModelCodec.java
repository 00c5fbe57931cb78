package dev.conversa.internal.json;

import dev.conversa.model.InboundEvent;
import dev.conversa.model.OutboundMessage;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts inbound events and outbound messages to JSON text and back, exactly: reading what was
 * written gives an equal value. Stores use it to persist inbox and outbox entries.
 *
 * <p>Each record is written by hand with a {@code "type"} discriminator (such as {@code
 * "message"}, {@code "status"}, {@code "text"}, {@code "template"}); absent optional values are
 * left out, instants are ISO-8601 strings, decimal prices are strings so their scale survives.
 *
 * <p><b>Internal:</b> not part of the public API; the format may change in any release.
 * Thread-safe: the class holds no mutable state.
 */
public final class ModelCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ModelCodec() {}

    /**
     * Writes an inbound event as JSON.
     *
     * @param event the event
     * @return the JSON text
     */
    public static String writeEvent(InboundEvent event) {
        return write(EventJson.write(Objects.requireNonNull(event, "event")));
    }

    /**
     * Reads an inbound event written by {@link #writeEvent}.
     *
     * @param json the JSON text
     * @return the event
     * @throws IllegalArgumentException if the text is not valid JSON, names an unknown type, or
     *     misses or mistypes a field; the message names the type or field, never a value
     */
    public static InboundEvent readEvent(String json) {
        return read(json, EventJson::read);
    }

    /**
     * Writes an outbound message as JSON.
     *
     * @param message the message
     * @return the JSON text
     */
    public static String writeMessage(OutboundMessage message) {
        return write(OutboundJson.write(Objects.requireNonNull(message, "message")));
    }

    /**
     * Reads an outbound message written by {@link #writeMessage}.
     *
     * @param json the JSON text
     * @return the message
     * @throws IllegalArgumentException if the text is not valid JSON, names an unknown type, or
     *     misses or mistypes a field; the message names the type or field, never a value
     */
    public static OutboundMessage readMessage(String json) {
        return read(json, OutboundJson::read);
    }

    private static String write(ObjectNode node) {
        return MAPPER.writeValueAsString(node);
    }

    private static <T> T read(String json, Function<JsonNode, T> reader) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(e.getLocation() == null ? "not valid JSON"
                    : "not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the JSON is not an object");
        }
        return reader.apply(root);
    }
}
