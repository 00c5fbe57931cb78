package dev.conversa.openai;

import dev.conversa.openai.internal.ToolSpec;
import dev.conversa.openai.internal.WireJson;

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
        return ToolSpec.function(Tool.HANDOFF_TO_HUMAN, DESCRIPTION, WireJson.parseSchema(SCHEMA, Tool.HANDOFF_TO_HUMAN));
    }
}
