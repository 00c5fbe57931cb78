package dev.conversa.model;

import java.util.Optional;

/**
 * Shows that the business is typing. WhatsApp ties the indicator to the customer's message it
 * answers and clears it after 25 seconds or at the reply.
 *
 * @param on true to show, false to hide (where the channel can hide it)
 * @param inReplyTo the customer's message being answered (required by WhatsApp)
 */
public record Typing(boolean on, Optional<String> inReplyTo) implements OutboundContent {

    /** Checks the fields. */
    public Typing {
        java.util.Objects.requireNonNull(inReplyTo, "inReplyTo");
    }

    @Override
    public String kind() {
        return "typing";
    }

    @Override
    public boolean isMessage() {
        return false;
    }
}
