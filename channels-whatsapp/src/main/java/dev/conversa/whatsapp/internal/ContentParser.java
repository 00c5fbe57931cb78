package dev.conversa.whatsapp.internal;

import dev.conversa.model.Contacts;
import dev.conversa.model.InteractiveReply;
import dev.conversa.model.Location;
import dev.conversa.model.Media;
import dev.conversa.model.MediaKind;
import dev.conversa.model.MessageContent;
import dev.conversa.model.Order;
import dev.conversa.model.OrderItem;
import dev.conversa.model.ReplyKind;
import dev.conversa.model.SharedContact;
import dev.conversa.model.SystemNotice;
import dev.conversa.model.Text;
import dev.conversa.model.UnsupportedContent;
import java.math.BigDecimal;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads the content of one WhatsApp message (customer message or echo) by its {@code type}.
 * A type this version does not know, or a known type with its body missing, becomes
 * {@link UnsupportedContent} with the message's raw JSON and the errors Meta attached.
 */
final class ContentParser {

    private ContentParser() {}

    static MessageContent parse(JsonNode message) {
        String type = Nodes.text(message, "type").orElse("");
        try {
            MessageContent content = known(type, message);
            return content != null ? content : unsupported(type, message);
        } catch (MalformedException | IllegalArgumentException e) {
            return unsupported(type, message);
        }
    }

    static UnsupportedContent unsupported(String type, JsonNode message) {
        String name = Nodes.nonBlank(Nodes.object(message, "unsupported"), "type")
                .orElse(type.isEmpty() ? "unknown" : type);
        return new UnsupportedContent(name, message.toString(), ChannelErrors.of(message));
    }

    private static MessageContent known(String type, JsonNode message) {
        JsonNode body = Nodes.object(message, type.isEmpty() ? "_" : type);
        switch (type) {
            case "text":
                return new Text(Nodes.text(require(body), "body").orElse(""));
            case "image":
                return media(MediaKind.IMAGE, require(body));
            case "video":
                return media(MediaKind.VIDEO, require(body));
            case "document":
                return media(MediaKind.DOCUMENT, require(body));
            case "sticker":
                return media(MediaKind.STICKER, require(body));
            case "audio":
                return media(Nodes.flag(body, "voice") ? MediaKind.VOICE : MediaKind.AUDIO, require(body));
            case "location":
                return location(require(body));
            case "contacts":
                return contacts(message);
            case "interactive":
                return interactive(require(body));
            case "button":
                return new InteractiveReply(ReplyKind.TEMPLATE_BUTTON, Nodes.required(require(body), "payload"),
                        Nodes.nonBlank(body, "text"), Optional.empty(), Optional.empty());
            case "order":
                return order(require(body));
            case "system":
                return new SystemNotice(Nodes.text(require(body), "type").orElse("unknown"),
                        Nodes.text(body, "body").orElse(""),
                        Nodes.nonBlank(body, "wa_id").or(() -> Nodes.nonBlank(body, "new_wa_id")));
            default:
                return null;
        }
    }

    private static JsonNode require(JsonNode body) {
        if (body == null) {
            throw new MalformedException("missing the body of its type");
        }
        return body;
    }

    private static Media media(MediaKind kind, JsonNode body) {
        return new Media(kind, Nodes.nonBlank(body, "id"), Nodes.nonBlank(body, "url"),
                Nodes.nonBlank(body, "mime_type"), Nodes.text(body, "caption"), Nodes.text(body, "filename"),
                Nodes.nonBlank(body, "sha256"), Nodes.flag(body, "animated"));
    }

    private static Location location(JsonNode body) {
        double latitude = number(body, "latitude");
        double longitude = number(body, "longitude");
        return new Location(latitude, longitude, Nodes.nonBlank(body, "name"), Nodes.nonBlank(body, "address"),
                Nodes.nonBlank(body, "url"));
    }

    private static double number(JsonNode body, String field) {
        try {
            return Double.parseDouble(Nodes.required(body, field));
        } catch (NumberFormatException e) {
            throw new MalformedException("'" + field + "' is not a number");
        }
    }

    private static Contacts contacts(JsonNode message) {
        return new Contacts(Nodes.array(message, "contacts").stream().map(ContentParser::card).toList());
    }

    private static SharedContact card(JsonNode card) {
        JsonNode name = Nodes.object(card, "name");
        return new SharedContact(
                Nodes.text(name, "formatted_name").or(() -> Nodes.text(name, "first_name")).orElse(""),
                Nodes.array(card, "phones").stream()
                        .map(p -> Nodes.nonBlank(p, "phone").or(() -> Nodes.nonBlank(p, "wa_id")))
                        .flatMap(Optional::stream).toList(),
                Nodes.array(card, "emails").stream().map(e -> Nodes.nonBlank(e, "email"))
                        .flatMap(Optional::stream).toList(),
                Nodes.nonBlank(Nodes.object(card, "org"), "company"));
    }

    private static MessageContent interactive(JsonNode body) {
        String kind = Nodes.text(body, "type").orElse("");
        JsonNode reply = Nodes.object(body, kind);
        if (reply == null) {
            return null;
        }
        switch (kind) {
            case "button_reply":
                return new InteractiveReply(ReplyKind.BUTTON, Nodes.required(reply, "id"), Nodes.text(reply, "title"),
                        Optional.empty(), Optional.empty());
            case "list_reply":
                return new InteractiveReply(ReplyKind.LIST_ROW, Nodes.required(reply, "id"),
                        Nodes.text(reply, "title"), Nodes.text(reply, "description"), Optional.empty());
            case "nfm_reply":
                return new InteractiveReply(ReplyKind.FLOW, Nodes.text(reply, "name").orElse("flow"),
                        Nodes.text(reply, "body"), Optional.empty(), Nodes.text(reply, "response_json"));
            default:
                return null;
        }
    }

    private static Order order(JsonNode body) {
        return new Order(Nodes.required(body, "catalog_id"), Nodes.nonBlank(body, "text"),
                Nodes.array(body, "product_items").stream().map(ContentParser::item).toList());
    }

    private static OrderItem item(JsonNode item) {
        try {
            return new OrderItem(Nodes.required(item, "product_retailer_id"),
                    Integer.parseInt(Nodes.required(item, "quantity")),
                    new BigDecimal(Nodes.required(item, "item_price")), Nodes.required(item, "currency"));
        } catch (NumberFormatException e) {
            throw new MalformedException("an order item's quantity or price is not a number");
        }
    }
}
