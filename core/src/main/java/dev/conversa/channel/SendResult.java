package dev.conversa.channel;

import java.util.Objects;
import java.util.Optional;

/**
 * What the channel answered to a send.
 *
 * @param messageId the channel's id of the sent message ({@code wamid}, {@code mid}), which its
 *     status webhooks will carry; empty for markers such as typing and read receipts
 */
public record SendResult(Optional<String> messageId) {

    /** Checks the field is not null. */
    public SendResult {
        Objects.requireNonNull(messageId, "messageId");
    }

    /**
     * A sent message.
     *
     * @param messageId its channel id
     * @return the result
     */
    public static SendResult sent(String messageId) {
        return new SendResult(Optional.of(messageId));
    }

    /**
     * A marker that has no id.
     *
     * @return the result
     */
    public static SendResult marker() {
        return new SendResult(Optional.empty());
    }
}
