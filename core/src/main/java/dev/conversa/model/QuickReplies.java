package dev.conversa.model;

import java.util.List;
import java.util.Objects;

/**
 * A text with quick reply chips (Messenger, Instagram); WhatsApp shows them as reply buttons or
 * numbered text.
 *
 * @param body the text
 * @param replies the chips, at least one
 */
public record QuickReplies(String body, List<Choice> replies) implements OutboundContent {

    /**
     * Checks the fields and copies the list.
     *
     * @throws IllegalArgumentException if there is no chip
     */
    public QuickReplies {
        Objects.requireNonNull(body, "body");
        replies = List.copyOf(replies);
        if (replies.isEmpty()) {
            throw new IllegalArgumentException("quick replies must hold at least one reply");
        }
    }

    @Override
    public String kind() {
        return "quick_replies";
    }
}
