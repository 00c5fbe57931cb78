package dev.conversa.internal.respond;

import java.util.List;
import java.util.Objects;

/**
 * One message of the conversation with the model, in no provider's wire format; each backend
 * translates it. {@code toString()} leaves out the text.
 *
 * <p><b>Internal:</b> not part of the public API.
 */
public sealed interface PromptMessage {

    /** Instructions: the system prompt. */
    record System(String text) implements PromptMessage {
        /** Checks the text. */
        public System {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return "System[" + text.length() + " chars]";
        }
    }

    /** What the customer wrote. */
    record User(String text) implements PromptMessage {
        /** Checks the text. */
        public User {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return "User[" + text.length() + " chars]";
        }
    }

    /** What the business wrote. */
    record Assistant(String text) implements PromptMessage {
        /** Checks the text. */
        public Assistant {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return "Assistant[" + text.length() + " chars]";
        }
    }

    /** The model's tool calls, sent back before their results. */
    record ToolCalls(List<ToolCallRequest> calls) implements PromptMessage {
        /** Copies the calls. */
        public ToolCalls {
            calls = List.copyOf(calls);
        }
    }

    /** A tool's result, answering one call. */
    record ToolResult(ToolCallRequest call, String result) implements PromptMessage {
        /** Checks the fields. */
        public ToolResult {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(result, "result");
        }

        @Override
        public String toString() {
            return "ToolResult[" + call.name() + "]";
        }
    }
}
