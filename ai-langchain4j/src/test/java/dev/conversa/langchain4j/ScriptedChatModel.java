package dev.conversa.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A LangChain4j {@link ChatModel} that answers from a script, without a network: each request
 * takes the next step, and the last step answers every request after it. It records what it was
 * asked.
 */
final class ScriptedChatModel implements ChatModel {

    static final String MODEL = "scripted-model-1";

    private final List<Function<ChatRequest, ChatResponse>> steps = new CopyOnWriteArrayList<>();
    private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

    static ScriptedChatModel answering(String text) {
        return new ScriptedChatModel().thenAnswer(text);
    }

    ScriptedChatModel thenAnswer(String text) {
        return then(request -> response(AiMessage.from(text), FinishReason.STOP));
    }

    ScriptedChatModel thenCall(String tool, String argumentsJson) {
        ToolExecutionRequest call = ToolExecutionRequest.builder().id("call-" + tool).name(tool).arguments(argumentsJson).build();
        return then(request -> response(AiMessage.from(call), FinishReason.TOOL_EXECUTION));
    }

    ScriptedChatModel thenFinish(String text, FinishReason finish) {
        return then(request -> response(AiMessage.from(text), finish));
    }

    ScriptedChatModel thenFail(RuntimeException failure) {
        return then(request -> {
            throw failure;
        });
    }

    ScriptedChatModel then(Function<ChatRequest, ChatResponse> step) {
        steps.add(step);
        return this;
    }

    static ChatResponse response(AiMessage message, FinishReason finish) {
        return ChatResponse.builder()
                .aiMessage(message)
                .finishReason(finish)
                .modelName(MODEL)
                .tokenUsage(new TokenUsage(100, 20))
                .build();
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        int index;
        synchronized (this) {
            requests.add(request);
            index = Math.min(requests.size(), steps.size()) - 1;
        }
        return steps.get(index).apply(request);
    }

    List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    ChatRequest lastRequest() {
        return requests.get(requests.size() - 1);
    }

    /** Every text a request carried, one message a line: what left the process. */
    static String text(ChatRequest request) {
        List<String> lines = new ArrayList<>();
        for (ChatMessage message : request.messages()) {
            lines.add(text(message));
        }
        return String.join("\n", lines);
    }

    static String text(ChatMessage message) {
        if (message instanceof SystemMessage system) {
            return "system: " + system.text();
        }
        if (message instanceof UserMessage user) {
            return "user: " + user.singleText();
        }
        if (message instanceof AiMessage ai) {
            return "assistant: " + (ai.text() == null ? "" : ai.text()) + (ai.hasToolExecutionRequests()
                    ? " calls " + ai.toolExecutionRequests().stream().map(c -> c.name() + c.arguments()).toList() : "");
        }
        ToolExecutionResultMessage result = (ToolExecutionResultMessage) message;
        return "tool " + result.toolName() + ": " + result.text();
    }
}
