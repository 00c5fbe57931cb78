package dev.conversa.internal.respond;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One answer of the model, in no provider's wire format.
 *
 * <p><b>Internal:</b> not part of the public API.
 *
 * @param text the answer's text, empty when it only calls tools
 * @param refused whether the model refused (OpenAI's {@code refusal}, Anthropic's
 *     {@code stop_reason: refusal}) or a content filter stopped it
 * @param truncated whether the answer stopped at the output token limit
 * @param calls the tools it asks to run, in order
 * @param usage the tokens the request used, when the provider reported them
 */
public record ModelTurn(String text, boolean refused, boolean truncated, List<ToolCallRequest> calls,
        Optional<TokenCount> usage) {

    /** Checks the fields and copies the list. */
    public ModelTurn {
        text = text == null ? "" : text;
        calls = List.copyOf(calls);
        Objects.requireNonNull(usage, "usage");
    }

    /**
     * The text of a final answer, refused unless it is whole: a refusal, the output token limit
     * or an empty text all fail.
     *
     * @return the text, stripped
     * @throws ModelCallException saying why the answer is not usable
     */
    public String usableText() {
        if (refused) {
            throw new ModelCallException(ModelCallException.Kind.REFUSAL, "the model refused");
        }
        if (truncated) {
            throw new ModelCallException(ModelCallException.Kind.TRUNCATED, "the answer reached the output token limit");
        }
        if (text.isBlank()) {
            throw new ModelCallException(ModelCallException.Kind.EMPTY_ANSWER, "the model answered with no text");
        }
        return text.strip();
    }

    /** Leaves out the text. */
    @Override
    public String toString() {
        return "ModelTurn[" + text.length() + " chars, calls=" + calls + ", refused=" + refused
                + ", truncated=" + truncated + "]";
    }

    /**
     * Tokens one request used.
     *
     * @param model the model that answered, when the provider named it
     * @param inputTokens tokens sent, 0 or more
     * @param outputTokens tokens generated, 0 or more
     */
    public record TokenCount(Optional<String> model, long inputTokens, long outputTokens) {

        /** Checks the model and clamps the counts at 0. */
        public TokenCount {
            Objects.requireNonNull(model, "model");
            inputTokens = Math.max(0, inputTokens);
            outputTokens = Math.max(0, outputTokens);
        }
    }
}
