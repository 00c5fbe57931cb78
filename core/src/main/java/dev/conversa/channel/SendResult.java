package dev.conversa.channel;

import java.util.List;
import java.util.Optional;

/**
 * What the channel answered to a send.
 *
 * @param messageIds the channel's ids ({@code wamid}, {@code mid}) of what it accepted, which its
 *     status and echo webhooks will carry: one for most messages, one per part when the channel
 *     delivers a message in several (a caption after its media, a text after buttons), the
 *     message's own first; empty for markers such as typing and read receipts
 */
public record SendResult(List<String> messageIds) {

    /** Copies the ids and checks none is null or blank. */
    public SendResult {
        messageIds = List.copyOf(messageIds);
        if (messageIds.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a message id must not be blank");
        }
    }

    /**
     * A message sent as one request.
     *
     * @param messageId its channel id
     * @return the result
     */
    public static SendResult sent(String messageId) {
        return new SendResult(List.of(messageId));
    }

    /**
     * A message the channel delivered in several parts.
     *
     * @param messageIds the ids of its parts, in the order they were sent
     * @return the result
     * @throws IllegalArgumentException if there is no id
     */
    public static SendResult sent(List<String> messageIds) {
        if (messageIds.isEmpty()) {
            throw new IllegalArgumentException("a sent message has at least one id");
        }
        return new SendResult(messageIds);
    }

    /**
     * A marker that has no id.
     *
     * @return the result
     */
    public static SendResult marker() {
        return new SendResult(List.of());
    }

    /**
     * The id of the message, or of its first part.
     *
     * @return the id, empty for a marker
     */
    public Optional<String> messageId() {
        return messageIds.stream().findFirst();
    }
}
