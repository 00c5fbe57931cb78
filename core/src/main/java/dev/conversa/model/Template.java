package dev.conversa.model;

import java.util.List;
import java.util.Objects;

/**
 * A pre-approved template message (WhatsApp), the only kind a business may send outside the
 * 24-hour customer-service window.
 *
 * @param name the template's name
 * @param language the template's language code, such as {@code "en_US"}
 * @param components the parameters for its header, body and buttons
 */
public record Template(String name, String language, List<TemplateComponent> components) implements OutboundContent {

    /** Checks the fields and copies the list. */
    public Template {
        Ids.requireId(name, "name");
        Ids.requireId(language, "language");
        components = List.copyOf(components);
    }

    @Override
    public String kind() {
        return "template";
    }
}
