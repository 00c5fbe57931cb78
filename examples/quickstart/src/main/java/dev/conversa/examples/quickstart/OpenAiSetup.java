package dev.conversa.examples.quickstart;

import dev.conversa.lang.Secret;
import dev.conversa.openai.OpenAiResponder;
import dev.conversa.respond.Responder;
import java.util.Optional;

/** The OpenAI responder, used when {@code OPENAI_API_KEY} is set. */
final class OpenAiSetup {

    private OpenAiSetup() {}

    static Responder responder(Secret apiKey, Optional<String> baseUrl) {
        var builder = OpenAiResponder.builder().apiKey(apiKey);
        baseUrl.ifPresent(builder::baseUrl);
        return builder.build();
    }
}
