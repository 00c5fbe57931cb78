package dev.conversa.spring.boot;

import dev.conversa.lang.Secret;
import dev.conversa.observe.ConversaObserver;
import dev.conversa.openai.OpenAiResponder;
import dev.conversa.respond.Responder;

/** Builds the OpenAI responder; loaded only when {@code conversa-openai} is on the classpath. */
final class OpenAiResponders {

    private OpenAiResponders() {}

    static Responder create(ConversaProperties.OpenAi settings, ConversaObserver observer) {
        OpenAiResponder.Builder builder = OpenAiResponder.builder().apiKey(Secret.of(settings.getApiKey()));
        if (settings.getModel() != null) {
            builder.model(settings.getModel());
        }
        if (settings.getBaseUrl() != null) {
            builder.baseUrl(settings.getBaseUrl());
        }
        builder.usageListener(used -> observer.tokensUsed(used.model(), used.inputTokens(), used.outputTokens()));
        return builder.build();
    }
}
