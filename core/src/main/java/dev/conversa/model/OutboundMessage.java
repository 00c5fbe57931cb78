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
 * @param agent the id of the agent who wrote it, for an {@link Author#AGENT} message sent through
 *     {@code Conversa.agents().reply}; empty otherwise (and for agent messages the host sent itself)
 */
public record OutboundMessage(
        ConversationKey to, OutboundContent content, Optional<String> replyTo, Author author, boolean linkPreview,
        Optional<String> agent) {

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if the author is the customer or the business elsewhere,
     *     or an agent is named on a message the bot wrote
     */
    public OutboundMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(agent, "agent");
        if (author != Author.BOT && author != Author.AGENT) {
            throw new IllegalArgumentException("an outbound message is written by the BOT or an AGENT, not " + author);
        }
        if (agent.isPresent() && author != Author.AGENT) {
            throw new IllegalArgumentException("only an AGENT message names an agent");
        }
    }

    /**
     * A message that names no agent.
     *
     * @param to the conversation it goes to
     * @param content what it says
     * @param replyTo the channel's id of the customer message it answers
     * @param author who wrote it: {@link Author#BOT} or {@link Author#AGENT}
     * @param linkPreview whether a URL in a text should show a preview
     */
    public OutboundMessage(ConversationKey to, OutboundContent content, Optional<String> replyTo, Author author,
            boolean linkPreview) {
        this(to, content, replyTo, author, linkPreview, Optional.empty());
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
        return new OutboundMessage(to, content, Optional.of(messageId), author, linkPreview, agent);
    }

    /**
     * Returns a copy with another author; a copy by the bot names no agent.
     *
     * @param newAuthor {@link Author#BOT} or {@link Author#AGENT}
     * @return the copy
     */
    public OutboundMessage by(Author newAuthor) {
        return new OutboundMessage(to, content, replyTo, newAuthor, linkPreview,
                newAuthor == Author.AGENT ? agent : Optional.empty());
    }

    /**
     * Returns a copy written by an agent ({@link Author#AGENT}) who is named.
     *
     * @param agentId the agent's id
     * @return the copy
     */
    public OutboundMessage byAgent(String agentId) {
        return new OutboundMessage(to, content, replyTo, Author.AGENT, linkPreview,
                Optional.of(Objects.requireNonNull(agentId, "agentId")));
    }
}
