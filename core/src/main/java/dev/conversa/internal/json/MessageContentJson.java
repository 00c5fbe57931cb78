package dev.conversa.internal.json;

import static dev.conversa.internal.json.CommonJson.typed;
import static dev.conversa.internal.json.JsonFields.enumValue;
import static dev.conversa.internal.json.JsonFields.intValue;
import static dev.conversa.internal.json.JsonFields.list;
import static dev.conversa.internal.json.JsonFields.optionalText;
import static dev.conversa.internal.json.JsonFields.putOptional;
import static dev.conversa.internal.json.JsonFields.text;

import dev.conversa.model.InteractiveReply;
import dev.conversa.model.MessageContent;
import dev.conversa.model.Order;
import dev.conversa.model.OrderItem;
import dev.conversa.model.ProductShare;
import dev.conversa.model.ReplyKind;
import dev.conversa.model.Share;
import dev.conversa.model.StoryMention;
import dev.conversa.model.StoryReply;
import dev.conversa.model.SystemNotice;
import dev.conversa.model.TemplateAttachment;
import dev.conversa.model.UnsupportedContent;
import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** JSON of every {@link MessageContent} record, with a {@code "type"} discriminator. */
final class MessageContentJson {

    private MessageContentJson() {}

    static ObjectNode write(MessageContent content) {
        return CommonJson.writeSharedContent(content).orElseGet(() -> writeInboundOnly(content));
    }

    static MessageContent read(JsonNode node) {
        String type = text(node, CommonJson.TYPE);
        return CommonJson.readSharedContent(type, node, MessageContent.class)
                .orElseGet(() -> readInboundOnly(type, node));
    }

    private static ObjectNode writeInboundOnly(MessageContent content) {
        if (content instanceof InteractiveReply reply) {
            return writeInteractiveReply(reply);
        } else if (content instanceof StoryMention mention) {
            return typed("story_mention").put("url", mention.url());
        } else if (content instanceof StoryReply reply) {
            return typed("story_reply").put("storyId", reply.storyId()).put("url", reply.url())
                    .put("text", reply.text());
        } else if (content instanceof Share share) {
            return writeShare(share);
        } else if (content instanceof Order order) {
            return writeOrder(order);
        } else if (content instanceof SystemNotice notice) {
            return writeSystemNotice(notice);
        } else if (content instanceof ProductShare products) {
            return writeProductShare(products);
        } else if (content instanceof TemplateAttachment template) {
            return typed("template_attachment").put("templateType", template.templateType())
                    .put("summary", template.summary()).put("rawJson", template.rawJson());
        }
        return writeUnsupported((UnsupportedContent) content);
    }

    private static MessageContent readInboundOnly(String type, JsonNode node) {
        return switch (type) {
            case "interactive_reply" -> readInteractiveReply(node);
            case "story_mention" -> new StoryMention(text(node, "url"));
            case "story_reply" -> new StoryReply(text(node, "storyId"), text(node, "url"), text(node, "text"));
            case "share" -> new Share(text(node, "shareKind"), text(node, "url"), optionalText(node, "title"));
            case "order" -> readOrder(node);
            case "system" -> new SystemNotice(text(node, "noticeType"), text(node, "body"),
                    optionalText(node, "newContactId"));
            case "product_share" -> readProductShare(node);
            case "template_attachment" -> new TemplateAttachment(text(node, "templateType"), text(node, "summary"),
                    text(node, "rawJson"));
            case "unsupported" -> new UnsupportedContent(text(node, "unsupportedType"), text(node, "rawJson"),
                    list(node, "errors", CommonJson::readChannelError));
            default -> throw new IllegalArgumentException("unknown message content type '" + type + "'");
        };
    }

    private static ObjectNode writeInteractiveReply(InteractiveReply reply) {
        ObjectNode node = typed("interactive_reply").put("replyKind", reply.replyKind().name()).put("id", reply.id());
        putOptional(node, "title", reply.title());
        putOptional(node, "description", reply.description());
        putOptional(node, "responseJson", reply.responseJson());
        return node;
    }

    private static InteractiveReply readInteractiveReply(JsonNode node) {
        return new InteractiveReply(enumValue(node, "replyKind", ReplyKind.class), text(node, "id"),
                optionalText(node, "title"), optionalText(node, "description"), optionalText(node, "responseJson"));
    }

    private static ObjectNode writeShare(Share share) {
        ObjectNode node = typed("share").put("shareKind", share.shareKind()).put("url", share.url());
        putOptional(node, "title", share.title());
        return node;
    }

    private static ObjectNode writeProductShare(ProductShare share) {
        ObjectNode node = typed("product_share");
        JsonFields.putList(node, "products", share.products(), product -> {
            ObjectNode item = JsonNodeFactory.instance.objectNode().put("productId", product.productId());
            putOptional(item, "retailerId", product.retailerId());
            putOptional(item, "title", product.title());
            putOptional(item, "subtitle", product.subtitle());
            putOptional(item, "imageUrl", product.imageUrl());
            return item;
        });
        return node;
    }

    private static ProductShare readProductShare(JsonNode node) {
        return new ProductShare(list(node, "products", item -> new ProductShare.Product(text(item, "productId"),
                optionalText(item, "retailerId"), optionalText(item, "title"), optionalText(item, "subtitle"),
                optionalText(item, "imageUrl"))));
    }

    private static ObjectNode writeOrder(Order order) {
        ObjectNode node = typed("order").put("catalogId", order.catalogId());
        putOptional(node, "text", order.text());
        JsonFields.putList(node, "items", order.items(), item -> JsonNodeFactory.instance.objectNode()
                .put("productId", item.productId())
                .put("quantity", item.quantity())
                .put("itemPrice", item.itemPrice().toString())
                .put("currency", item.currency()));
        return node;
    }

    private static Order readOrder(JsonNode node) {
        return new Order(text(node, "catalogId"), optionalText(node, "text"), list(node, "items", item ->
                new OrderItem(text(item, "productId"), intValue(item, "quantity"), decimal(item, "itemPrice"),
                        text(item, "currency"))));
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        try {
            return new BigDecimal(text(node, field));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field '" + field + "' is not a decimal number", e);
        }
    }

    private static ObjectNode writeSystemNotice(SystemNotice notice) {
        ObjectNode node = typed("system").put("noticeType", notice.noticeType()).put("body", notice.body());
        putOptional(node, "newContactId", notice.newContactId());
        return node;
    }

    private static ObjectNode writeUnsupported(UnsupportedContent content) {
        ObjectNode node = typed("unsupported").put("unsupportedType", content.type())
                .put("rawJson", content.rawJson());
        JsonFields.putList(node, "errors", content.errors(), CommonJson::writeChannelError);
        return node;
    }
}
