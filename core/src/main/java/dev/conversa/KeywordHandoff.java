package dev.conversa;

import dev.conversa.agent.HandoffKeywords;
import dev.conversa.respond.Reply;
import dev.conversa.respond.Responder;
import dev.conversa.respond.ResponderRequest;
import java.util.Optional;

/**
 * Hands the conversation to a person, to the tenant's default queue, when one of the customer's
 * unanswered messages is, as a whole, a handoff keyword (also when a burst coalesced it with
 * other messages); otherwise asks the host's responder.
 * Immutable and thread-safe if the responder is.
 */
final class KeywordHandoff implements Responder {

    /** The handoff reason agents see. */
    static final String REASON = "the customer asked for a person";

    private final HandoffKeywords keywords;
    private final Responder responder;

    KeywordHandoff(HandoffKeywords keywords, Responder responder) {
        this.keywords = keywords;
        this.responder = responder;
    }

    @Override
    public Reply respond(ResponderRequest request) {
        boolean asked = request.unanswered().stream()
                .anyMatch(message -> keywords.matches(request.conversation().tenant(), message.text().orElse("")));
        if (asked) {
            return new Reply.Handoff(Optional.empty(), REASON);
        }
        return responder.respond(request);
    }
}
