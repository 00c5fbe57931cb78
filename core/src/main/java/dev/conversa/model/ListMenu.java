package dev.conversa.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A text with a menu of rows in sections (a WhatsApp list message). Where lists do not exist,
 * it becomes numbered text.
 *
 * @param body the text above the menu
 * @param buttonLabel the label of the button that opens the menu
 * @param sections the sections, at least one
 */
public record ListMenu(String body, String buttonLabel, List<Section> sections) implements OutboundContent {

    /**
     * Checks the fields and copies the list.
     *
     * @throws IllegalArgumentException if there is no section or no row
     */
    public ListMenu {
        Objects.requireNonNull(body, "body");
        Ids.requireId(buttonLabel, "buttonLabel");
        sections = List.copyOf(sections);
        if (sections.isEmpty() || sections.stream().allMatch(s -> s.rows().isEmpty())) {
            throw new IllegalArgumentException("a list menu needs at least one section with one row");
        }
    }

    @Override
    public String kind() {
        return "list";
    }

    /**
     * Total number of rows over all sections.
     *
     * @return the number of rows
     */
    public int rowCount() {
        return sections.stream().mapToInt(s -> s.rows().size()).sum();
    }

    /**
     * A titled group of rows.
     *
     * @param title the section's title, when any
     * @param rows the rows
     */
    public record Section(Optional<String> title, List<Row> rows) {
        /** Checks the fields and copies the list. */
        public Section {
            Objects.requireNonNull(title, "title");
            rows = List.copyOf(rows);
        }
    }

    /**
     * One choice in a list menu.
     *
     * @param id the payload returned when chosen
     * @param title the row's title
     * @param description the row's description, when any
     */
    public record Row(String id, String title, Optional<String> description) {
        /** Checks the fields. */
        public Row {
            Ids.requireId(id, "id");
            Ids.requireId(title, "title");
            Objects.requireNonNull(description, "description");
        }
    }
}
