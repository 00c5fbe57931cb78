package dev.conversa.model;

import java.util.Objects;

/**
 * A reaction to a message, or its removal.
 *
 * @param messageId the channel's id of the message reacted to
 * @param emoji the emoji; empty removes the reaction
 */
public record React(String messageId, String emoji) implements OutboundContent {

    /** Checks the fields. */
    public React {
        Ids.requireId(messageId, "messageId");
        Objects.requireNonNull(emoji, "emoji");
    }

    @Override
    public String kind() {
        return "reaction";
    }
}
