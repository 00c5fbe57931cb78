package dev.conversa.openai.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A tool call the assistant asks for.
 *
 * @param id the call's id, echoed in the tool message that answers it
 * @param type always {@code function}
 * @param function the function and its arguments
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ToolCall(String id, String type, FunctionCall function) {

    /**
     * The function part of a tool call.
     *
     * @param name the function's name
     * @param arguments its arguments, a JSON object as a string
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FunctionCall(String name, String arguments) {

        /** Leaves out the arguments, which may hold personal data. */
        @Override
        public String toString() {
            return "FunctionCall[" + name + "]";
        }
    }
}
