package dev.conversa.openai.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/**
 * A tool offered to the model.
 *
 * @param type always {@code function}
 * @param function the function's name, description and parameters
 */
public record ToolSpec(String type, Function function) {

    /**
     * A function tool.
     *
     * @param name the name
     * @param description what it does, for the model
     * @param parameters the JSON schema of its arguments
     * @return the tool
     */
    public static ToolSpec function(String name, String description, JsonNode parameters) {
        return new ToolSpec("function", new Function(name, description, parameters));
    }

    /**
     * The function of a tool.
     *
     * @param name the name
     * @param description what it does
     * @param parameters the JSON schema of its arguments
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Function(String name, String description, JsonNode parameters) {}
}
