package dev.conversa.openai;

import dev.conversa.internal.respond.ChatBackend;
import dev.conversa.internal.respond.ModelTurn;
import dev.conversa.internal.respond.PromptMessage;
import dev.conversa.internal.respond.ToolCallRequest;
import dev.conversa.openai.internal.ChatCompletionsClient;
import dev.conversa.openai.internal.ChatMessage;
import dev.conversa.openai.internal.ChatRequest;
import dev.conversa.openai.internal.ChatResponse;
import dev.conversa.openai.internal.ToolCall;
import dev.conversa.openai.internal.ToolSpec;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Calls the Chat Completions API with the configured model, temperature, output limit and
 * {@code store: false}: the one part of {@link OpenAiResponder} that is not shared with the other
 * AI responders.
 */
final class OpenAiBackend implements ChatBackend {

    private final ChatCompletionsClient client;
    private final String model;
    private final OptionalDouble temperature;
    private final int maxOutputTokens;
    private final List<ToolSpec> specs;

    OpenAiBackend(ChatCompletionsClient client, String model, OptionalDouble temperature, int maxOutputTokens,
            List<ToolSpec> specs) {
        this.client = client;
        this.model = model;
        this.temperature = temperature;
        this.maxOutputTokens = maxOutputTokens;
        this.specs = List.copyOf(specs);
    }

    @Override
    public ModelTurn chat(List<PromptMessage> messages, ToolUse tools) {
        List<ToolSpec> offered = tools == ToolUse.NONE ? List.of() : specs;
        ChatRequest request = new ChatRequest(model, messages.stream().map(OpenAiBackend::wire).toList(),
                temperature.isPresent() ? temperature.getAsDouble() : null, maxOutputTokens, false, offered,
                offered.isEmpty() || tools == ToolUse.OFFERED ? null : "none");
        return turn(client.complete(request));
    }

    private static ChatMessage wire(PromptMessage message) {
        if (message instanceof PromptMessage.System system) {
            return ChatMessage.system(system.text());
        }
        if (message instanceof PromptMessage.User user) {
            return ChatMessage.user(user.text());
        }
        if (message instanceof PromptMessage.Assistant assistant) {
            return ChatMessage.assistant(assistant.text());
        }
        if (message instanceof PromptMessage.ToolCalls calls) {
            return ChatMessage.assistantCalls(calls.calls().stream()
                    .map(call -> new ToolCall(call.id(), "function", new ToolCall.FunctionCall(call.name(), call.argumentsJson())))
                    .toList());
        }
        PromptMessage.ToolResult result = (PromptMessage.ToolResult) message;
        return ChatMessage.tool(result.call().id(), result.result());
    }

    private static ModelTurn turn(ChatResponse response) {
        ChatResponse.Choice choice = response.choices().get(0);
        ChatMessage reply = choice.message();
        String finish = choice.finishReason() == null ? "" : choice.finishReason();
        boolean refused = reply.refusal() != null && !reply.refusal().isBlank() || finish.equals("content_filter");
        List<ToolCallRequest> calls = reply.toolCalls() == null ? List.of() : reply.toolCalls().stream()
                .map(call -> call.function() == null
                        ? new ToolCallRequest(nonNull(call.id()), "", "{}")
                        : new ToolCallRequest(nonNull(call.id()), nonNull(call.function().name()), call.function().arguments()))
                .toList();
        return new ModelTurn(reply.content(), refused, finish.equals("length"), calls, usage(response));
    }

    private static Optional<ModelTurn.TokenCount> usage(ChatResponse response) {
        ChatResponse.Usage used = response.usage();
        if (used == null) {
            return Optional.empty();
        }
        return Optional.of(new ModelTurn.TokenCount(Optional.ofNullable(response.model()),
                orZero(used.promptTokens()), orZero(used.completionTokens())));
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
