package dev.conversa.openai.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One message of a chat, in either direction: requests carry system, user, assistant and tool
 * messages; a response carries the assistant's message, which may hold a refusal or tool calls.
 *
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param content the text, null when the assistant only calls tools
 * @param toolCalls the tools the assistant calls, null when none
 * @param toolCallId for a tool message, the call it answers
 * @param refusal in a response, the model's refusal, when it refused
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatMessage(
        String role, String content, @JsonProperty("tool_calls") List<ToolCall> toolCalls,
        @JsonProperty("tool_call_id") String toolCallId, String refusal) {

    /**
     * A system message.
     *
     * @param content the instructions
     * @return the message
     */
    public static ChatMessage system(String content) {
        return new ChatMessage("system", content, null, null, null);
    }

    /**
     * A user message.
     *
     * @param content the customer's text
     * @return the message
     */
    public static ChatMessage user(String content) {
        return new ChatMessage("user", content, null, null, null);
    }

    /**
     * An assistant message with text.
     *
     * @param content the business's text
     * @return the message
     */
    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content, null, null, null);
    }

    /**
     * The assistant's tool calls, sent back before their results.
     *
     * @param calls the calls
     * @return the message
     */
    public static ChatMessage assistantCalls(List<ToolCall> calls) {
        return new ChatMessage("assistant", null, List.copyOf(calls), null, null);
    }

    /**
     * A tool's result.
     *
     * @param callId the call it answers
     * @param content the result, usually JSON
     * @return the message
     */
    public static ChatMessage tool(String callId, String content) {
        return new ChatMessage("tool", content, null, callId, null);
    }

    /** Leaves out the text. */
    @Override
    public String toString() {
        return "ChatMessage[" + role + "]";
    }
}
