package dev.conversa.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The customer reacted to a message, or removed a reaction.
 *
 * @param header where, who, which id, when
 * @param messageId the channel's id of the message reacted to
 * @param emoji the emoji; empty when the reaction was removed
 */
public record Reaction(EventHeader header, String messageId, Optional<String> emoji) implements InboundEvent {

    /** Checks the fields are not null. */
    public Reaction {
        Objects.requireNonNull(header, "header");
        Ids.requireId(messageId, "messageId");
        Objects.requireNonNull(emoji, "emoji");
    }

    /**
     * Tells whether the customer removed a reaction.
     *
     * @return true on removal
     */
    public boolean removed() {
        return emoji.isEmpty();
    }

    @Override
    public String kind() {
        return "reaction";
    }
}
