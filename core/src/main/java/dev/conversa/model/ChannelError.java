package dev.conversa.model;

import java.util.Objects;
import java.util.Optional;

/**
 * An error the channel reported inside a webhook (a failed delivery, an unsupported message).
 *
 * @param code the channel's numeric error code
 * @param title the channel's short title
 * @param message a longer message, when sent
 * @param details the error's details, when sent
 */
public record ChannelError(int code, String title, Optional<String> message, Optional<String> details) {

    /** Checks the fields are not null. */
    public ChannelError {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(details, "details");
    }
}
