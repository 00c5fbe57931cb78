package dev.conversa.openai.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The answer of {@code POST /chat/completions}; unknown fields are ignored.
 *
 * @param id the completion's id
 * @param model the model that answered
 * @param choices the choices; this library asks for one
 * @param usage the tokens used, when reported
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatResponse(String id, String model, List<Choice> choices, Usage usage) {

    /**
     * One choice.
     *
     * @param index its position
     * @param message the assistant's message
     * @param finishReason why the model stopped: {@code stop}, {@code length},
     *     {@code tool_calls}, {@code content_filter}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Choice(Integer index, ChatMessage message, @JsonProperty("finish_reason") String finishReason) {}

    /**
     * Tokens used by one request.
     *
     * @param promptTokens tokens in
     * @param completionTokens tokens out
     * @param totalTokens both
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Usage(
            @JsonProperty("prompt_tokens") Long promptTokens,
            @JsonProperty("completion_tokens") Long completionTokens,
            @JsonProperty("total_tokens") Long totalTokens) {}
}
