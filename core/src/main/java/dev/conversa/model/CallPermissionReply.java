package dev.conversa.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer answered the business's request to call them (WhatsApp's
 * {@code call_permission_reply}). It is kept in the history but is not the customer writing:
 * the bot does not answer it.
 *
 * @param accepted whether the customer allowed calls
 * @param permanent whether the permission does not expire
 * @param expiresAt when a temporary permission ends, when the channel said
 * @param source how the answer was given, as the channel names it (such as {@code "user_action"}
 *     or {@code "automatic"}), when it said
 */
public record CallPermissionReply(boolean accepted, boolean permanent, Optional<Instant> expiresAt,
        Optional<String> source) implements MessageContent {

    /** Checks the fields are not null. */
    public CallPermissionReply {
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String kind() {
        return "call_permission_reply";
    }

    @Override
    public String readableText() {
        return "";
    }
}
