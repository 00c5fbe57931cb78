package dev.conversa.respond;

import java.util.Objects;

/**
 * A tool the host offers to an AI responder's model, such as looking up an order: its name, a description
 * that tells the model when to use it, the JSON schema of its arguments and the handler that
 * runs it.
 *
 * <p>Immutable; thread-safe when the handler is.
 *
 * <pre>{@code
 * Tool orderStatus = new Tool("order_status", "Looks up the status of an order by its number.",
 *     """
 *     {"type": "object",
 *      "properties": {"order_number": {"type": "string"}},
 *      "required": ["order_number"]}
 *     """,
 *     call -> orders.statusJson(call.tenant(), call.argumentsJson()));
 * }</pre>
 *
 * @param name 1 to 64 letters, digits, {@code _} or {@code -}; not {@code handoff_to_human},
 *     which is built in
 * @param description what the tool does and when to use it
 * @param parametersSchema the JSON schema of the arguments, a JSON object as text; checked when
 *     the responder is built
 * @param handler runs the tool
 * @see <a href="https://platform.openai.com/docs/guides/function-calling">Function calling</a> (OpenAI)
 * @see <a href="https://docs.langchain4j.dev/tutorials/tools">Tools</a> (LangChain4j)
 */
public record Tool(String name, String description, String parametersSchema, ToolHandler handler) {

    /** The name of the built-in tool that hands the conversation to a person. */
    public static final String HANDOFF_TO_HUMAN = "handoff_to_human";

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if the name is malformed or reserved, or the description
     *     is blank
     */
    public Tool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parametersSchema, "parametersSchema");
        Objects.requireNonNull(handler, "handler");
        if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("tool name must be 1-64 letters, digits, '_' or '-': " + name);
        }
        if (name.equals(HANDOFF_TO_HUMAN)) {
            throw new IllegalArgumentException("tool name " + HANDOFF_TO_HUMAN + " is built in; choose another");
        }
        if (description.isBlank()) {
            throw new IllegalArgumentException("tool '" + name + "' needs a description, so the model knows when to use it");
        }
    }
}
