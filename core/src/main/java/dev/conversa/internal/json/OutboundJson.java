package dev.conversa.internal.json;

import static dev.conversa.internal.json.CommonJson.typed;
import static dev.conversa.internal.json.JsonFields.bool;
import static dev.conversa.internal.json.JsonFields.enumValue;
import static dev.conversa.internal.json.JsonFields.list;
import static dev.conversa.internal.json.JsonFields.object;
import static dev.conversa.internal.json.JsonFields.optionalText;
import static dev.conversa.internal.json.JsonFields.putOptional;
import static dev.conversa.internal.json.JsonFields.text;

import dev.conversa.model.Author;
import dev.conversa.model.Buttons;
import dev.conversa.model.CallToAction;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Choice;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ListMenu;
import dev.conversa.model.MarkRead;
import dev.conversa.model.OutboundContent;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.QuickReplies;
import dev.conversa.model.React;
import dev.conversa.model.Template;
import dev.conversa.model.Typing;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** JSON of {@link OutboundMessage} and every {@link OutboundContent} record. */
final class OutboundJson {

    private OutboundJson() {}

    static ObjectNode write(OutboundMessage message) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.putObject("to")
                .put("channel", message.to().channel().value())
                .put("accountId", message.to().accountId())
                .put("contactId", message.to().contactId());
        node.set("content", writeContent(message.content()));
        putOptional(node, "replyTo", message.replyTo());
        putOptional(node, "agent", message.agent());
        return node.put("author", message.author().name()).put("linkPreview", message.linkPreview());
    }

    static OutboundMessage read(JsonNode node) {
        JsonNode to = object(node, "to");
        ConversationKey key = new ConversationKey(new ChannelType(text(to, "channel")), text(to, "accountId"),
                text(to, "contactId"));
        return new OutboundMessage(key, readContent(object(node, "content")), optionalText(node, "replyTo"),
                enumValue(node, "author", Author.class), bool(node, "linkPreview"), optionalText(node, "agent"));
    }

    private static ObjectNode writeContent(OutboundContent content) {
        return CommonJson.writeSharedContent(content).orElseGet(() -> writeOutboundOnly(content));
    }

    private static OutboundContent readContent(JsonNode node) {
        String type = text(node, CommonJson.TYPE);
        return CommonJson.readSharedContent(type, node, OutboundContent.class)
                .orElseGet(() -> readOutboundOnly(type, node));
    }

    private static ObjectNode writeOutboundOnly(OutboundContent content) {
        if (content instanceof Buttons buttons) {
            return withChoices(typed("buttons").put("body", buttons.body()), "buttons", buttons.buttons());
        } else if (content instanceof ListMenu menu) {
            return writeListMenu(menu);
        } else if (content instanceof QuickReplies replies) {
            return withChoices(typed("quick_replies").put("body", replies.body()), "replies", replies.replies());
        } else if (content instanceof CallToAction cta) {
            return typed("cta_url").put("body", cta.body()).put("label", cta.label()).put("url", cta.url());
        } else if (content instanceof Template template) {
            return TemplateJson.write(template);
        } else if (content instanceof React react) {
            return typed("reaction").put("messageId", react.messageId()).put("emoji", react.emoji());
        } else if (content instanceof MarkRead read) {
            return typed("mark_read").put("messageId", read.messageId());
        }
        Typing typing = (Typing) content;
        ObjectNode node = typed("typing").put("on", typing.on());
        putOptional(node, "inReplyTo", typing.inReplyTo());
        return node;
    }

    private static OutboundContent readOutboundOnly(String type, JsonNode node) {
        return switch (type) {
            case "buttons" -> new Buttons(text(node, "body"), list(node, "buttons", OutboundJson::readChoice));
            case "list" -> readListMenu(node);
            case "quick_replies" -> new QuickReplies(text(node, "body"), list(node, "replies", OutboundJson::readChoice));
            case "cta_url" -> new CallToAction(text(node, "body"), text(node, "label"), text(node, "url"));
            case "template" -> TemplateJson.read(node);
            case "reaction" -> new React(text(node, "messageId"), text(node, "emoji"));
            case "mark_read" -> new MarkRead(text(node, "messageId"));
            case "typing" -> new Typing(bool(node, "on"), optionalText(node, "inReplyTo"));
            default -> throw new IllegalArgumentException("unknown outbound content type '" + type + "'");
        };
    }

    private static ObjectNode withChoices(ObjectNode node, String field, List<Choice> choices) {
        JsonFields.putList(node, field, choices,
                c -> JsonNodeFactory.instance.objectNode().put("id", c.id()).put("title", c.title()));
        return node;
    }

    private static Choice readChoice(JsonNode node) {
        return new Choice(text(node, "id"), text(node, "title"));
    }

    private static ObjectNode writeListMenu(ListMenu menu) {
        ObjectNode node = typed("list").put("body", menu.body()).put("buttonLabel", menu.buttonLabel());
        JsonFields.putList(node, "sections", menu.sections(), section -> {
            ObjectNode s = JsonNodeFactory.instance.objectNode();
            putOptional(s, "title", section.title());
            JsonFields.putList(s, "rows", section.rows(), row -> {
                ObjectNode r = JsonNodeFactory.instance.objectNode().put("id", row.id()).put("title", row.title());
                putOptional(r, "description", row.description());
                return r;
            });
            return s;
        });
        return node;
    }

    private static ListMenu readListMenu(JsonNode node) {
        return new ListMenu(text(node, "body"), text(node, "buttonLabel"), list(node, "sections",
                s -> new ListMenu.Section(optionalText(s, "title"), list(s, "rows",
                        r -> new ListMenu.Row(text(r, "id"), text(r, "title"), optionalText(r, "description"))))));
    }
}
