package dev.conversa.model;

import java.util.List;
import java.util.Objects;

/**
 * A text with reply buttons. Channels limit the number of buttons and their title length (see
 * {@code ChannelCapabilities}); where buttons do not exist, they become numbered text.
 *
 * @param body the text above the buttons
 * @param buttons the buttons, at least one
 */
public record Buttons(String body, List<Choice> buttons) implements OutboundContent {

    /**
     * Checks the fields and copies the list.
     *
     * @throws IllegalArgumentException if there is no button
     */
    public Buttons {
        Objects.requireNonNull(body, "body");
        buttons = List.copyOf(buttons);
        if (buttons.isEmpty()) {
            throw new IllegalArgumentException("buttons must hold at least one button");
        }
    }

    @Override
    public String kind() {
        return "buttons";
    }
}
