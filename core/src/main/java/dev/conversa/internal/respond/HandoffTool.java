package dev.conversa.internal.respond;

import dev.conversa.respond.Tool;

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
}
