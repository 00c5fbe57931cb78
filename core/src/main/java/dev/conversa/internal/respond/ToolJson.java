package dev.conversa.internal.respond;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON chores around tools: parsing a tool's schema, reading the handoff reason, writing an
 * error result.
 *
 * <p><b>Internal:</b> not part of the public API. Stateless and thread-safe.
 */
public final class ToolJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ToolJson() {}

    /**
     * Parses a tool's JSON schema.
     *
     * @param schema the schema text
     * @param toolName the tool, for the error message
     * @return the parsed schema, a JSON object
     * @throws IllegalArgumentException if it is not a JSON object
     */
    public static JsonNode parseSchema(String schema, String toolName) {
        try {
            JsonNode node = MAPPER.readTree(schema);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("tool '" + toolName + "': the parameters schema must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("tool '" + toolName + "': the parameters schema is not valid JSON", e);
        }
    }

    /**
     * Reads one string field of a JSON object given as text, leniently.
     *
     * @param json the object's text, may be null or malformed
     * @param field the field
     * @return the field's text, or an empty string when absent or unreadable
     */
    public static String stringField(String json, String field) {
        try {
            JsonNode node = MAPPER.readTree(json == null ? "" : json);
            JsonNode value = node == null ? null : node.get(field);
            return value != null && value.isString() ? value.asString() : "";
        } catch (JacksonException e) {
            return "";
        }
    }

    /**
     * Parses JSON text, for the agent assist's sentiment answer.
     *
     * @param json the text
     * @return the tree
     * @throws JacksonException if it is not JSON
     */
    static JsonNode readTree(String json) {
        return MAPPER.readTree(json);
    }

    /**
     * A JSON object with one string field, for tool results.
     *
     * @param field the field
     * @param value its value
     * @return the JSON text
     */
    public static String object(String field, String value) {
        return MAPPER.createObjectNode().put(field, value).toString();
    }
}
