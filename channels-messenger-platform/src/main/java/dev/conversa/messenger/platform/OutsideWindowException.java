package dev.conversa.messenger.platform;

import dev.conversa.model.Author;
import java.time.Duration;
import java.util.Optional;

/**
 * A Messenger or Instagram message was refused before any request because the messaging window
 * does not allow it: a bot reply more than 24 hours after the customer's last message, any
 * message more than 7 days after it (the end of the {@code HUMAN_AGENT} tag), or a message to a
 * customer who never wrote. Retrying cannot help until the customer writes again.
 *
 * <p>It is an {@link IllegalArgumentException}, the {@code ChannelAdapter} SPI's signal that the
 * channel refused a message before sending it, so the outbox fails the message with this
 * exception's reason and never resends it. The message names the rule, never the text.
 */
public final class OutsideWindowException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final Author author;
    private final Duration sinceLastInbound;

    /**
     * Creates the exception.
     *
     * @param message what the rule is, without personal data
     * @param author who wrote the refused message
     * @param sinceLastInbound how long ago the customer last wrote, empty if never
     */
    public OutsideWindowException(String message, Author author, Optional<Duration> sinceLastInbound) {
        super(message);
        this.author = author;
        this.sinceLastInbound = sinceLastInbound.orElse(null);
    }

    /**
     * Who wrote the refused message.
     *
     * @return the author, {@code BOT} or {@code AGENT}
     */
    public Author author() {
        return author;
    }

    /**
     * How long ago the customer last wrote.
     *
     * @return the time since the last inbound message, empty if the customer never wrote
     */
    public Optional<Duration> sinceLastInbound() {
        return Optional.ofNullable(sinceLastInbound);
    }
}
