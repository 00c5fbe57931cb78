package dev.conversa.examples.quickstart;

import dev.conversa.lang.Secret;
import dev.conversa.langchain4j.LangChain4jResponder;
import dev.conversa.respond.Responder;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import java.time.Duration;
import java.util.Optional;

/**
 * The LangChain4j responder over Anthropic's Messages API, used when
 * {@code CONVERSA_AI=langchain4j-anthropic} and {@code ANTHROPIC_API_KEY} are set. Any other
 * LangChain4j {@code ChatModel} plugs in the same way.
 */
final class LangChain4jSetup {

    static final String DEFAULT_MODEL = "claude-haiku-4-5";

    private LangChain4jSetup() {}

    static Responder anthropic(Secret apiKey, Optional<String> model, Optional<String> baseUrl) {
        AnthropicChatModel.AnthropicChatModelBuilder claude = AnthropicChatModel.builder()
                .apiKey(apiKey.reveal())
                .modelName(model.orElse(DEFAULT_MODEL))
                .maxTokens(500)
                .timeout(Duration.ofSeconds(30))
                .maxRetries(2);
        baseUrl.ifPresent(claude::baseUrl);
        return LangChain4jResponder.builder().chatModel(claude.build()).build();
    }
}
