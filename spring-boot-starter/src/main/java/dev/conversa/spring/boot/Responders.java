package dev.conversa.spring.boot;

import dev.conversa.Conversa;
import dev.conversa.observe.ConversaObserver;
import dev.conversa.respond.Responder;
import dev.conversa.respond.RulesResponder;

/** The default responder: OpenAI when it is on the classpath and has a key, else the rules fallback. */
final class Responders {

    private static final String OPENAI_RESPONDER = "dev.conversa.openai.OpenAiResponder";

    private Responders() {}

    /**
     * The default responder, its token usage reported to {@code observer} when it is OpenAI.
     *
     * @param openAi the OpenAI settings
     * @param observer hears the token usage
     * @return the responder
     */
    static Responder create(ConversaProperties.OpenAi openAi, ConversaObserver observer) {
        if (openAi.getApiKey() == null || openAi.getApiKey().isBlank()) {
            return RulesResponder.builder().fallback(Conversa.Builder.DEFAULT_FALLBACK).build();
        }
        if (!isPresent(OPENAI_RESPONDER)) {
            throw new IllegalStateException("conversa.openai.api-key is set but conversa-openai is not on the "
                    + "classpath: add the dev.conversa:conversa-openai dependency, or remove the property");
        }
        return OpenAiResponders.create(openAi, observer);
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, Responders.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
