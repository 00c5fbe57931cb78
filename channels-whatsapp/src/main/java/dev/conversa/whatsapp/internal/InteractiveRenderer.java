package dev.conversa.whatsapp.internal;

import dev.conversa.model.CallToAction;
import dev.conversa.model.Choice;
import dev.conversa.model.ListMenu;
import dev.conversa.model.QuickReplies;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders interactive messages: reply buttons, lists, call-to-action URL buttons. */
final class InteractiveRenderer {

    private InteractiveRenderer() {}

    static void buttons(ObjectNode body, String text, List<Choice> buttons) {
        Limits.count(buttons.size(), Limits.BUTTONS, "reply buttons");
        ObjectNode interactive = interactive(body, "button", text);
        ArrayNode array = interactive.putObject("action").putArray("buttons");
        for (Choice choice : buttons) {
            Limits.length(choice.title(), Limits.BUTTON_TITLE, "a reply button's title");
            Limits.length(choice.id(), Limits.BUTTON_ID, "a reply button's id");
            array.addObject().put("type", "reply").putObject("reply").put("id", choice.id()).put("title", choice.title());
        }
    }

    /**
     * Quick replies become reply buttons when they fit WhatsApp's button limits, and numbered
     * text otherwise.
     */
    static void quickReplies(ObjectNode body, QuickReplies replies) {
        boolean fit = replies.replies().size() <= Limits.BUTTONS && !replies.body().isBlank()
                && replies.replies().stream().allMatch(c -> c.title().codePointCount(0, c.title().length())
                        <= Limits.BUTTON_TITLE && c.id().length() <= Limits.BUTTON_ID);
        if (fit) {
            buttons(body, replies.body(), replies.replies());
            return;
        }
        StringBuilder text = new StringBuilder(replies.body());
        if (text.length() > 0) {
            text.append("\n\n");
        }
        for (int i = 0; i < replies.replies().size(); i++) {
            text.append(i + 1).append(". ").append(replies.replies().get(i).title());
            if (i < replies.replies().size() - 1) {
                text.append('\n');
            }
        }
        WhatsAppRenderer.text(body, text.toString(), false);
    }

    static void list(ObjectNode body, ListMenu list) {
        Limits.count(list.sections().size(), Limits.LIST_SECTIONS, "list sections");
        Limits.count(list.rowCount(), Limits.LIST_ROWS, "list rows");
        Limits.notBlank(list.buttonLabel(), "a list's button label");
        Limits.length(list.buttonLabel(), Limits.LIST_BUTTON, "a list's button label");
        ObjectNode interactive = interactive(body, "list", list.body());
        ObjectNode action = interactive.putObject("action");
        action.put("button", list.buttonLabel());
        ArrayNode sections = action.putArray("sections");
        for (ListMenu.Section section : list.sections()) {
            section(sections.addObject(), section, list.sections().size() > 1);
        }
    }

    private static void section(ObjectNode node, ListMenu.Section section, boolean titleRequired) {
        if (section.rows().isEmpty()) {
            throw new IllegalArgumentException("WhatsApp requires every list section to hold at least one row");
        }
        if (titleRequired && section.title().isEmpty()) {
            throw new IllegalArgumentException("WhatsApp requires a title on every section of a list with several");
        }
        section.title().ifPresent(title -> {
            Limits.length(title, Limits.SECTION_TITLE, "a list section's title");
            node.put("title", title);
        });
        ArrayNode rows = node.putArray("rows");
        for (ListMenu.Row row : section.rows()) {
            Limits.length(row.id(), Limits.ROW_ID, "a list row's id");
            Limits.length(row.title(), Limits.ROW_TITLE, "a list row's title");
            ObjectNode rowNode = rows.addObject().put("id", row.id()).put("title", row.title());
            row.description().ifPresent(description -> {
                Limits.length(description, Limits.ROW_DESCRIPTION, "a list row's description");
                rowNode.put("description", description);
            });
        }
    }

    static void callToAction(ObjectNode body, CallToAction cta) {
        Limits.length(cta.label(), Limits.CTA_LABEL, "a call-to-action button's label");
        ObjectNode interactive = interactive(body, "cta_url", cta.body());
        ObjectNode action = interactive.putObject("action");
        action.put("name", "cta_url");
        action.putObject("parameters").put("display_text", cta.label()).put("url", cta.url());
    }

    private static ObjectNode interactive(ObjectNode body, String type, String text) {
        Limits.notBlank(text, "an interactive message's body");
        Limits.length(text, Limits.INTERACTIVE_BODY, "an interactive message's body");
        body.put("type", "interactive");
        ObjectNode interactive = body.putObject("interactive");
        interactive.put("type", type);
        interactive.putObject("body").put("text", text);
        return interactive;
    }
}
