package dev.conversa.messenger.platform.internal;

import dev.conversa.model.Buttons;
import dev.conversa.model.CallToAction;
import dev.conversa.model.Choice;
import dev.conversa.model.Contacts;
import dev.conversa.model.ListMenu;
import dev.conversa.model.Location;
import dev.conversa.model.SharedContact;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Buttons, links and lists, with their degradation:
 * <ul>
 *   <li>{@link Buttons}: a button template of postback buttons where templates exist and it fits
 *       (3 buttons, 640 characters of text, 20 per title); otherwise quick replies.
 *   <li>{@link CallToAction}: a button template with one {@code web_url} button; otherwise the
 *       text followed by the label and the URL.
 *   <li>{@link ListMenu}: the text, then a generic template with one element per row (at most 10),
 *       each with one postback button labelled with the menu's button label; otherwise quick
 *       replies (at most 13 rows); otherwise numbered text.
 *   <li>{@link Location} and {@link Contacts}: text (the Send API has no location or contact
 *       card).
 * </ul>
 */
final class TemplateParts {

    private static final int MAX_ELEMENT_TITLE_LENGTH = 80;

    private TemplateParts() {}

    static List<Part> buttons(Buttons buttons, SendApiDialect dialect) {
        boolean fits = dialect.buttonTemplates() && buttons.buttons().size() <= SendApiDialect.MAX_BUTTONS
                && Limits.fits(buttons.body(), SendApiDialect.MAX_BUTTON_TEXT_LENGTH)
                && buttons.buttons().stream().allMatch(b -> Limits.fits(b.title(), SendApiDialect.MAX_TITLE_LENGTH));
        if (!fits) {
            return List.of(MessageParts.quickReplies(buttons.body(), buttons.buttons(), dialect));
        }
        ObjectNode message = MessageParts.JSON.createObjectNode();
        ObjectNode payload = buttonTemplate(message, buttons.body());
        ArrayNode array = payload.putArray("buttons");
        for (Choice choice : buttons.buttons()) {
            array.addObject().put("type", "postback").put("title", choice.title())
                    .put("payload", Limits.text(choice.id(), SendApiDialect.MAX_PAYLOAD_LENGTH, "button payload",
                            dialect));
        }
        return List.of(Part.message(message));
    }

    static List<Part> callToAction(CallToAction cta, SendApiDialect dialect) {
        boolean fits = dialect.buttonTemplates() && Limits.fits(cta.body(), SendApiDialect.MAX_BUTTON_TEXT_LENGTH)
                && Limits.fits(cta.label(), SendApiDialect.MAX_TITLE_LENGTH);
        if (!fits) {
            String text = (cta.body().isBlank() ? "" : cta.body() + "\n\n") + cta.label() + ": " + cta.url();
            return List.of(MessageParts.text(text, dialect));
        }
        ObjectNode message = MessageParts.JSON.createObjectNode();
        buttonTemplate(message, cta.body()).putArray("buttons").addObject()
                .put("type", "web_url").put("url", cta.url()).put("title", cta.label());
        return List.of(Part.message(message));
    }

    static List<Part> list(ListMenu list, SendApiDialect dialect) {
        List<ListMenu.Row> rows = list.sections().stream().flatMap(s -> s.rows().stream()).toList();
        boolean carousel = dialect.buttonTemplates() && rows.size() <= SendApiDialect.MAX_ELEMENTS
                && Limits.fits(list.buttonLabel(), SendApiDialect.MAX_TITLE_LENGTH)
                && rows.stream().allMatch(r -> Limits.fits(r.title(), MAX_ELEMENT_TITLE_LENGTH));
        if (carousel) {
            return carousel(list, rows, dialect);
        }
        boolean quick = rows.size() <= SendApiDialect.MAX_QUICK_REPLIES
                && rows.stream().allMatch(r -> Limits.fits(r.title(), SendApiDialect.MAX_TITLE_LENGTH));
        if (quick) {
            List<Choice> choices = rows.stream().map(r -> new Choice(r.id(), r.title())).toList();
            return List.of(MessageParts.quickReplies(list.body(), choices, dialect));
        }
        StringBuilder text = new StringBuilder(list.body());
        for (int i = 0; i < rows.size(); i++) {
            ListMenu.Row row = rows.get(i);
            text.append(text.length() == 0 ? "" : "\n").append(i + 1).append(". ").append(row.title());
            row.description().ifPresent(d -> text.append(" - ").append(d));
        }
        return List.of(MessageParts.text(text.toString(), dialect));
    }

    private static List<Part> carousel(ListMenu list, List<ListMenu.Row> rows, SendApiDialect dialect) {
        List<Part> parts = new ArrayList<>();
        if (!list.body().isBlank()) {
            parts.add(MessageParts.text(list.body(), dialect));
        }
        ObjectNode message = MessageParts.JSON.createObjectNode();
        ObjectNode payload = message.putObject("attachment").put("type", "template").putObject("payload")
                .put("template_type", "generic");
        ArrayNode elements = payload.putArray("elements");
        for (ListMenu.Row row : rows) {
            ObjectNode element = elements.addObject().put("title", row.title());
            row.description().ifPresent(d -> element.put("subtitle", d));
            element.putArray("buttons").addObject().put("type", "postback").put("title", list.buttonLabel())
                    .put("payload", Limits.text(row.id(), SendApiDialect.MAX_PAYLOAD_LENGTH, "row payload", dialect));
        }
        parts.add(Part.message(message));
        return parts;
    }

    private static ObjectNode buttonTemplate(ObjectNode message, String text) {
        return message.putObject("attachment").put("type", "template").putObject("payload")
                .put("template_type", "button").put("text", text);
    }

    static String locationText(Location location) {
        List<String> lines = new ArrayList<>();
        location.name().ifPresent(lines::add);
        location.address().ifPresent(lines::add);
        lines.add(location.url().orElse(String.format(Locale.ROOT,
                "https://www.google.com/maps/search/?api=1&query=%.6f,%.6f", location.latitude(),
                location.longitude())));
        return String.join("\n", lines);
    }

    static String contactsText(Contacts contacts) {
        List<String> lines = new ArrayList<>();
        for (SharedContact contact : contacts.contacts()) {
            List<String> ways = new ArrayList<>(contact.phones());
            ways.addAll(contact.emails());
            lines.add(contact.formattedName() + (ways.isEmpty() ? "" : ": " + String.join(", ", ways)));
        }
        return String.join("\n", lines);
    }
}
