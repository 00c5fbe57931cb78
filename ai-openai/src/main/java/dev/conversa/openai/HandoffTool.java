package dev.conversa.openai;

import dev.conversa.openai.internal.ToolSpec;
import dev.conversa.openai.internal.WireJson;
import java.util.Map;
import java.util.StringJoiner;

/** The built-in {@code handoff_to_human} tool, as offered to the model. */
final class HandoffTool {

    private static final String DESCRIPTION = "Hands the conversation to a human colleague. Use it when the customer "
            + "asks for a person, is upset, or needs something you cannot answer from the business knowledge.";
    private static final String SCHEMA = """
            {"type": "object",
             "properties": {"reason": {"type": "string", "description": "Why a person is needed, in one short sentence."}},
             "required": ["reason"],
             "additionalProperties": false}
            """;

    private HandoffTool() {}

    static ToolSpec spec() {
        return spec(Map.of());
    }

    /**
     * The tool; with queues offered, an optional {@code queue} argument among their ids, each
     * described to the model.
     */
    static ToolSpec spec(Map<String, String> queues) {
        if (queues.isEmpty()) {
            return ToolSpec.function(Tool.HANDOFF_TO_HUMAN, DESCRIPTION,
                    WireJson.parseSchema(SCHEMA, Tool.HANDOFF_TO_HUMAN));
        }
        StringJoiner ids = new StringJoiner(", ", "[", "]");
        StringJoiner described = new StringJoiner("; ");
        queues.forEach((id, description) -> {
            ids.add(quote(id));
            described.add(id + ": " + description);
        });
        String schema = "{\"type\": \"object\", \"properties\": {"
                + "\"reason\": {\"type\": \"string\", \"description\": \"Why a person is needed, in one short sentence.\"}, "
                + "\"queue\": {\"type\": \"string\", \"enum\": " + ids + ", \"description\": "
                + quote("The team to hand to; leave it out when unsure. " + described) + "}}, "
                + "\"required\": [\"reason\"], \"additionalProperties\": false}";
        return ToolSpec.function(Tool.HANDOFF_TO_HUMAN, DESCRIPTION, WireJson.parseSchema(schema, Tool.HANDOFF_TO_HUMAN));
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
