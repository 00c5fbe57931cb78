package dev.conversa.internal.respond;

import dev.conversa.respond.Tool;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The built-in {@code handoff_to_human} tool, as offered to the model; each backend writes it in
 * its own format.
 *
 * <p><b>Internal:</b> not part of the public API.
 */
public final class HandoffTool {

    /** The tool's name. */
    public static final String NAME = Tool.HANDOFF_TO_HUMAN;

    /** What the tool does, for the model. */
    public static final String DESCRIPTION = "Hands the conversation to a human colleague. Use it when the customer "
            + "asks for a person, is upset, or needs something you cannot answer from the business knowledge.";

    /** The JSON schema of its one argument, {@code reason}. */
    public static final String SCHEMA = """
            {"type": "object",
             "properties": {"reason": {"type": "string", "description": "Why a person is needed, in one short sentence."}},
             "required": ["reason"],
             "additionalProperties": false}
            """;

    private HandoffTool() {}

    /**
     * The JSON schema of the tool's arguments: {@link #SCHEMA} without queues; with queues
     * offered, also an optional {@code queue} argument among their ids, each described to the
     * model.
     *
     * @param queues the offered queues' ids and descriptions, in the order offered
     * @return the schema text
     */
    public static String schema(Map<String, String> queues) {
        if (queues.isEmpty()) {
            return SCHEMA;
        }
        StringJoiner ids = new StringJoiner(", ", "[", "]");
        StringJoiner described = new StringJoiner("; ");
        queues.forEach((id, description) -> {
            ids.add(quote(id));
            described.add(id + ": " + description);
        });
        return "{\"type\": \"object\", \"properties\": {"
                + "\"reason\": {\"type\": \"string\", \"description\": \"Why a person is needed, in one short sentence.\"}, "
                + "\"queue\": {\"type\": \"string\", \"enum\": " + ids + ", \"description\": "
                + quote("The team to hand to; leave it out when unsure. " + described) + "}}, "
                + "\"required\": [\"reason\"], \"additionalProperties\": false}";
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
