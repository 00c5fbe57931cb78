package dev.conversa.langchain4j;

import dev.conversa.internal.respond.ChatBackend;
import dev.conversa.internal.respond.ModelTurn;
import dev.conversa.internal.respond.PromptMessage;
import dev.conversa.langchain4j.internal.Failures;
import dev.conversa.langchain4j.internal.Messages;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the host's LangChain4j {@link ChatModel}: the one part of {@link LangChain4jResponder}
 * that is not shared with the other AI responders. A request with tools that the model refuses as
 * an unsupported feature is sent again without them, so a model without tool calling still
 * answers.
 */
final class LangChain4jBackend implements ChatBackend {

    private static final Logger log = LoggerFactory.getLogger(LangChain4jBackend.class);

    private final ChatModel model;
    private final String modelName;
    private final List<ToolSpecification> specs;

    LangChain4jBackend(ChatModel model, String modelName, List<ToolSpecification> specs) {
        this.model = model;
        this.modelName = modelName;
        this.specs = List.copyOf(specs);
    }

    @Override
    public ModelTurn chat(List<PromptMessage> messages, ToolUse tools) {
        List<ChatMessage> prompt = Messages.toLangChain4j(messages);
        ChatResponse response;
        try {
            response = tools == ToolUse.NONE || specs.isEmpty() ? ask(prompt) : askWithTools(prompt, tools);
        } catch (RuntimeException e) {
            throw Failures.of(e);
        }
        if (response == null) {
            throw Failures.of(new IllegalStateException("the model returned no response"));
        }
        return Messages.toTurn(response, modelName);
    }

    private ChatResponse askWithTools(List<ChatMessage> prompt, ToolUse tools) {
        ChatRequest request = ChatRequest.builder()
                .messages(prompt)
                .toolSpecifications(specs)
                .toolChoice(tools == ToolUse.OFFERED ? ToolChoice.AUTO : ToolChoice.NONE)
                .build();
        try {
            return model.chat(request);
        } catch (UnsupportedFeatureException e) {
            log.debug("the model does not support tools here; asking again without them", e);
            return ask(prompt);
        }
    }

    private ChatResponse ask(List<ChatMessage> prompt) {
        return model.chat(ChatRequest.builder().messages(prompt).build());
    }
}
