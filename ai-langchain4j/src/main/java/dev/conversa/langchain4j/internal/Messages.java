package dev.conversa.langchain4j.internal;

import dev.conversa.internal.respond.ModelTurn;
import dev.conversa.internal.respond.PromptMessage;
import dev.conversa.internal.respond.ToolCallRequest;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.Optional;

/**
 * Translates the shared prompt into LangChain4j messages, and a LangChain4j answer into the
 * shared {@link ModelTurn}.
 *
 * <p><b>Internal:</b> not part of the public API. Stateless and thread-safe.
 */
public final class Messages {

    private Messages() {}

    /**
     * The prompt as LangChain4j messages.
     *
     * @param messages the shared prompt
     * @return the same messages for a {@code ChatModel}
     */
    public static List<ChatMessage> toLangChain4j(List<PromptMessage> messages) {
        return messages.stream().map(Messages::toLangChain4j).toList();
    }

    private static ChatMessage toLangChain4j(PromptMessage message) {
        if (message instanceof PromptMessage.System system) {
            return SystemMessage.from(system.text());
        }
        if (message instanceof PromptMessage.User user) {
            return UserMessage.from(user.text());
        }
        if (message instanceof PromptMessage.Assistant assistant) {
            return AiMessage.from(assistant.text());
        }
        if (message instanceof PromptMessage.ToolCalls calls) {
            return AiMessage.from(calls.calls().stream().map(Messages::request).toList());
        }
        PromptMessage.ToolResult result = (PromptMessage.ToolResult) message;
        return ToolExecutionResultMessage.from(result.call().id(), result.call().name(), result.result());
    }

    private static ToolExecutionRequest request(ToolCallRequest call) {
        return ToolExecutionRequest.builder().id(call.id()).name(call.name()).arguments(call.argumentsJson()).build();
    }

    /**
     * The answer as a shared turn. A content filter, and an answer that ended for a reason the
     * provider could not name ({@link FinishReason#OTHER}, for example Anthropic's
     * {@code refusal}), count as a refusal; the output token limit as a cut answer.
     *
     * @param response the model's answer
     * @param fallbackModel the model's name when the answer does not carry one
     * @return the turn
     */
    public static ModelTurn toTurn(ChatResponse response, String fallbackModel) {
        AiMessage message = response.aiMessage();
        FinishReason finish = response.finishReason();
        List<ToolCallRequest> calls = message == null || !message.hasToolExecutionRequests() ? List.of()
                : message.toolExecutionRequests().stream()
                        .map(call -> new ToolCallRequest(orEmpty(call.id()), orEmpty(call.name()), call.arguments()))
                        .toList();
        String text = message == null ? "" : message.text();
        boolean refused = finish == FinishReason.CONTENT_FILTER || finish == FinishReason.OTHER;
        return new ModelTurn(text, refused, finish == FinishReason.LENGTH, calls, usage(response, fallbackModel));
    }

    private static Optional<ModelTurn.TokenCount> usage(ChatResponse response, String fallbackModel) {
        TokenUsage used = response.tokenUsage();
        if (used == null) {
            return Optional.empty();
        }
        String model = response.modelName() == null || response.modelName().isBlank() ? fallbackModel : response.modelName();
        return Optional.of(new ModelTurn.TokenCount(Optional.of(model), orZero(used.inputTokenCount()),
                orZero(used.outputTokenCount())));
    }

    private static long orZero(Integer count) {
        return count == null ? 0 : count;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
