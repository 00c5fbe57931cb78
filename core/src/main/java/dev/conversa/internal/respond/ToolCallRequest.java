package dev.conversa.internal.respond;

import java.util.Objects;

/**
 * A tool the model asks to run.
 *
 * <p><b>Internal:</b> not part of the public API.
 *
 * @param id the call's id, echoed with its result; may be empty when the provider has none
 * @param name the tool's name
 * @param argumentsJson the arguments, a JSON object as text; may be malformed
 */
public record ToolCallRequest(String id, String name, String argumentsJson) {

    /** Checks the fields; null arguments count as {@code {}}. */
    public ToolCallRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        argumentsJson = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
    }

    /** Leaves out the arguments, which may hold personal data. */
    @Override
    public String toString() {
        return "ToolCallRequest[" + name + "]";
    }
}
