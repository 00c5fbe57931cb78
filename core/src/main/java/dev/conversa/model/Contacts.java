package dev.conversa.model;

import java.util.List;

/**
 * One or more contact cards, in either direction.
 *
 * @param contacts the cards, at least one
 */
public record Contacts(List<SharedContact> contacts) implements MessageContent, OutboundContent {

    /**
     * Copies the list.
     *
     * @throws IllegalArgumentException if it is empty
     */
    public Contacts {
        contacts = List.copyOf(contacts);
        if (contacts.isEmpty()) {
            throw new IllegalArgumentException("contacts must hold at least one card");
        }
    }

    @Override
    public String kind() {
        return "contacts";
    }

    @Override
    public String readableText() {
        return String.join(", ", contacts.stream().map(SharedContact::formattedName).toList());
    }
}
