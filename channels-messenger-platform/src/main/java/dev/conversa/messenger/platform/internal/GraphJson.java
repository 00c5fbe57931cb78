package dev.conversa.messenger.platform.internal;

import dev.conversa.graph.GraphResponse;
import dev.conversa.internal.json.LenientJson;
import dev.conversa.lang.ConversaException;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON for Graph API calls outside the Send API: reading answers, building small bodies.
 *
 * <p><b>Internal.</b> Stateless and thread-safe.
 */
public final class GraphJson {

    private GraphJson() {}

    /**
     * Parses an answer.
     *
     * @param response the answer
     * @param what what was asked, for the error message
     * @return the tree
     * @throws ConversaException if the body is not JSON
     */
    public static JsonNode read(GraphResponse response, String what) {
        try {
            return MessageParts.JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new ConversaException("the Graph API answered " + what + " with a body that is not JSON");
        }
    }

    /**
     * A new empty object.
     *
     * @return the object
     */
    public static ObjectNode object() {
        return MessageParts.JSON.createObjectNode();
    }

    /**
     * A field as text, numbers included.
     *
     * @param node the object
     * @param field the field name
     * @return its text, when present and not empty
     */
    public static Optional<String> text(JsonNode node, String field) {
        return LenientJson.nonEmpty(node, field);
    }
}
