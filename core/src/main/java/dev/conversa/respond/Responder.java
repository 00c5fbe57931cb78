package dev.conversa.respond;

/**
 * Decides what the bot answers: an AI model, rules, or the host's own logic.
 *
 * <p>Called on a dispatcher thread, never on the webhook thread, once per burst of customer
 * messages (a customer who writes three short messages gets one answer to all three). The
 * answer is checked again before it is sent: if a person took over meanwhile, it is discarded.
 *
 * <p>An exception is treated as a failed attempt: the dispatcher retries the work a bounded
 * number of times and then parks it for the host to see; other conversations go on.
 * Implementations must be thread-safe.
 *
 * <pre>{@code
 * Responder echo = request -> Reply.text("You said: " + request.latestText());
 * }</pre>
 */
@FunctionalInterface
public interface Responder {

    /**
     * Answers the messages waiting in a conversation.
     *
     * @param request the conversation, its recent history and the channel's capabilities
     * @return the reply, a handoff to a person, or silence
     */
    Reply respond(ResponderRequest request);
}
