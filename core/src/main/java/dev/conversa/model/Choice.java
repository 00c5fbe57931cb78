package dev.conversa.model;

import java.util.Objects;

/**
 * A tappable option offered to the customer: a reply button or a quick reply. When tapped, the
 * channel sends back an {@link InteractiveReply} with this id.
 *
 * @param id the payload returned when tapped
 * @param title the label the customer sees
 */
public record Choice(String id, String title) {

    /** Checks the fields are not blank. */
    public Choice {
        Ids.requireId(id, "id");
        Ids.requireId(title, "title");
    }
}
