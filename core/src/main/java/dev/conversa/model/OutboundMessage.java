package dev.conversa.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A message the business sends in a conversation, before the channel renders it.
 *
 * @param to the conversation it goes to
 * @param content what it says
 * @param replyTo the channel's id of the customer message it answers, shown as a quote where
 *     the channel can
 * @param author who wrote it: {@link Author#BOT} or {@link Author#AGENT} (channels treat a
 *     person's reply differently outside the 24-hour window)
 * @param linkPreview whether a URL in a text should show a preview, where the channel offers it
 */
public record OutboundMessage(
        ConversationKey to, OutboundContent content, Optional<String> replyTo, Author author, boolean linkPreview) {

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if the author is the customer or the business elsewhere
     */
    public OutboundMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(author, "author");
        if (author != Author.BOT && author != Author.AGENT) {
            throw new IllegalArgumentException("an outbound message is written by the BOT or an AGENT, not " + author);
        }
    }

    /**
     * A bot's message.
     *
     * @param to the conversation
     * @param content what it says
     * @return the message, without reply context or link preview
     */
    public static OutboundMessage of(ConversationKey to, OutboundContent content) {
        return new OutboundMessage(to, content, Optional.empty(), Author.BOT, false);
    }

    /**
     * A bot's text.
     *
     * @param to the conversation
     * @param body the text
     * @return the message
     */
    public static OutboundMessage text(ConversationKey to, String body) {
        return of(to, new Text(body));
    }

    /**
     * Returns a copy that quotes a customer's message.
     *
     * @param messageId the channel's id of that message
     * @return the copy
     */
    public OutboundMessage inReplyTo(String messageId) {
        return new OutboundMessage(to, content, Optional.of(messageId), author, linkPreview);
    }

    /**
     * Returns a copy with another author.
     *
     * @param newAuthor {@link Author#BOT} or {@link Author#AGENT}
     * @return the copy
     */
    public OutboundMessage by(Author newAuthor) {
        return new OutboundMessage(to, content, replyTo, newAuthor, linkPreview);
    }
}
