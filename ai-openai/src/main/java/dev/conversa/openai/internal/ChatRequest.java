package dev.conversa.openai.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The body of {@code POST /chat/completions}.
 *
 * @param model the model
 * @param messages the chat so far
 * @param temperature the sampling temperature, null for the model's default
 * @param maxCompletionTokens the most tokens the answer may have
 * @param store whether OpenAI may keep the completion; always false here
 * @param tools the tools offered, null when none
 * @param toolChoice {@code none} to forbid tool calls in this answer, null to let the model
 *     choose
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"model", "messages", "temperature", "max_completion_tokens", "store", "tools", "tool_choice"})
public record ChatRequest(
        String model, List<ChatMessage> messages, Double temperature,
        @JsonProperty("max_completion_tokens") int maxCompletionTokens, boolean store, List<ToolSpec> tools,
        @JsonProperty("tool_choice") String toolChoice) {

    /** Copies the lists; an empty tool list is left out of the body. */
    public ChatRequest {
        messages = List.copyOf(messages);
        tools = tools == null || tools.isEmpty() ? null : List.copyOf(tools);
    }

    /** Leaves out the messages. */
    @Override
    public String toString() {
        return "ChatRequest[" + model + ", " + messages.size() + " messages]";
    }
}
