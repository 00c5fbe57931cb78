package dev.conversa.respond;

import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.model.Contact;
import dev.conversa.model.Conversation;
import dev.conversa.model.Direction;
import dev.conversa.model.MessageRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a responder sees.
 *
 * @param conversation the conversation, with its tenant and channel
 * @param contact the customer, when known
 * @param history the recent messages of the conversation, oldest first, ending with the
 *     messages waiting for an answer
 * @param capabilities what the channel can show (text length, buttons, formatting)
 */
public record ResponderRequest(
        Conversation conversation, Optional<Contact> contact, List<MessageRecord> history,
        ChannelCapabilities capabilities) {

    /** Checks the fields and copies the list. */
    public ResponderRequest {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(contact, "contact");
        history = List.copyOf(history);
        Objects.requireNonNull(capabilities, "capabilities");
    }

    /**
     * The customer's messages since the business last wrote, oldest first.
     *
     * @return the unanswered messages
     */
    public List<MessageRecord> unanswered() {
        int start = history.size();
        while (start > 0 && history.get(start - 1).direction() == Direction.INBOUND) {
            start--;
        }
        return history.subList(start, history.size());
    }

    /**
     * The text of the unanswered messages, joined by new lines.
     *
     * @return the text, or an empty string
     */
    public String latestText() {
        return String.join("\n", unanswered().stream().map(m -> m.text().orElse("")).filter(t -> !t.isBlank()).toList());
    }
}
