package dev.conversa.model;

import java.util.Optional;

/**
 * Shows that the business is typing in answer to a customer's message, and marks that message
 * read: WhatsApp's typing indicator does both in one call (and clears after 25 seconds or at
 * the reply); Messenger and Instagram mark it seen first, then show typing.
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
