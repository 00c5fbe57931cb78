package dev.conversa.internal.respond;

import java.util.List;

/**
 * How one responder calls its model: the only part that differs between the OpenAI responder
 * and the LangChain4j one. Everything around it (prompt, tools, loop, fallbacks, usage) is
 * shared.
 *
 * <p><b>Internal:</b> not part of the public API. Implementations are thread-safe.
 */
@FunctionalInterface
public interface ChatBackend {

    /** Which tools a request offers. */
    enum ToolUse {
        /** No tools at all (agent assist). */
        NONE,
        /** The handoff tool and the host tools; the model may call them. */
        OFFERED,
        /** The tools are described but the model must answer with text (the last round). */
        FORBIDDEN
    }

    /**
     * Makes one request.
     *
     * @param messages the conversation so far, starting with the system prompt
     * @param tools which tools the request offers
     * @return the model's answer, usable or not
     * @throws ModelCallException when the call failed (timeout, HTTP error, unreadable answer)
     */
    ModelTurn chat(List<PromptMessage> messages, ToolUse tools);
}
