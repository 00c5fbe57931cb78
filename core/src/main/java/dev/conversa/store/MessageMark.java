package dev.conversa.store;

import dev.conversa.model.Author;
import dev.conversa.model.ConversationKey;
import java.time.Instant;
import java.util.Objects;

/**
 * That a message was stored, without its content: which conversation, who wrote it and when.
 * What the manager's metrics count. {@link #toString()} leaves the conversation out.
 *
 * @param conversation the conversation (its channel is the message's)
 * @param author who wrote it
 * @param timestamp when it was written, as stored with the message
 */
public record MessageMark(ConversationKey conversation, Author author, Instant timestamp) {

    /** Checks the fields are not null. */
    public MessageMark {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    @Override
    public String toString() {
        return "MessageMark[" + conversation.channel().value() + ", " + author + ", " + timestamp + "]";
    }
}
