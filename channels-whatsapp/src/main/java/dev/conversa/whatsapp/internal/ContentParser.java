package dev.conversa.whatsapp.internal;

import dev.conversa.internal.json.LenientJson;
import dev.conversa.model.CallPermissionReply;
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
        String type = LenientJson.text(message, "type").orElse("");
        try {
            MessageContent content = known(type, message);
            return content != null ? content : unsupported(type, message);
        } catch (MalformedException | IllegalArgumentException e) {
            return unsupported(type, message);
        }
    }

    static UnsupportedContent unsupported(String type, JsonNode message) {
        String name = LenientJson.nonBlank(LenientJson.object(message, "unsupported"), "type")
                .orElse(type.isEmpty() ? "unknown" : type);
        return new UnsupportedContent(name, message.toString(), ChannelErrors.of(message));
    }

    private static MessageContent known(String type, JsonNode message) {
        JsonNode body = LenientJson.object(message, type.isEmpty() ? "_" : type);
        switch (type) {
            case "text":
                return new Text(LenientJson.text(require(body), "body").orElse(""));
            case "image":
                return media(MediaKind.IMAGE, require(body));
            case "video":
                return media(MediaKind.VIDEO, require(body));
            case "document":
                return media(MediaKind.DOCUMENT, require(body));
            case "sticker":
                return media(MediaKind.STICKER, require(body));
            case "audio":
                return media(LenientJson.flag(body, "voice") ? MediaKind.VOICE : MediaKind.AUDIO, require(body));
            case "location":
                return location(require(body));
            case "contacts":
                return contacts(message);
            case "interactive":
                return interactive(require(body));
            case "button":
                return new InteractiveReply(ReplyKind.TEMPLATE_BUTTON, LenientJson.required(require(body), "payload"),
                        LenientJson.nonBlank(body, "text"), Optional.empty(), Optional.empty());
            case "order":
                return order(require(body));
            case "system":
                return new SystemNotice(LenientJson.text(require(body), "type").orElse("unknown"),
                        LenientJson.text(body, "body").orElse(""),
                        LenientJson.nonBlank(body, "wa_id").or(() -> LenientJson.nonBlank(body, "new_wa_id")));
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
        return new Media(kind, LenientJson.nonBlank(body, "id"), LenientJson.nonBlank(body, "url"),
                LenientJson.nonBlank(body, "mime_type"), LenientJson.text(body, "caption"), LenientJson.text(body, "filename"),
                LenientJson.nonBlank(body, "sha256"), LenientJson.flag(body, "animated"));
    }

    private static Location location(JsonNode body) {
        double latitude = number(body, "latitude");
        double longitude = number(body, "longitude");
        return new Location(latitude, longitude, LenientJson.nonBlank(body, "name"), LenientJson.nonBlank(body, "address"),
                LenientJson.nonBlank(body, "url"));
    }

    private static double number(JsonNode body, String field) {
        try {
            return Double.parseDouble(LenientJson.required(body, field));
        } catch (NumberFormatException e) {
            throw new MalformedException("'" + field + "' is not a number");
        }
    }

    private static Contacts contacts(JsonNode message) {
        return new Contacts(LenientJson.array(message, "contacts").stream().map(ContentParser::card).toList());
    }

    private static SharedContact card(JsonNode card) {
        JsonNode name = LenientJson.object(card, "name");
        return new SharedContact(
                LenientJson.text(name, "formatted_name").or(() -> LenientJson.text(name, "first_name")).orElse(""),
                LenientJson.array(card, "phones").stream()
                        .map(p -> LenientJson.nonBlank(p, "phone").or(() -> LenientJson.nonBlank(p, "wa_id")))
                        .flatMap(Optional::stream).toList(),
                LenientJson.array(card, "emails").stream().map(e -> LenientJson.nonBlank(e, "email"))
                        .flatMap(Optional::stream).toList(),
                LenientJson.nonBlank(LenientJson.object(card, "org"), "company"));
    }

    private static MessageContent interactive(JsonNode body) {
        String kind = LenientJson.text(body, "type").orElse("");
        JsonNode reply = LenientJson.object(body, kind);
        if (reply == null) {
            return null;
        }
        switch (kind) {
            case "button_reply":
                return new InteractiveReply(ReplyKind.BUTTON, LenientJson.required(reply, "id"), LenientJson.text(reply, "title"),
                        Optional.empty(), Optional.empty());
            case "list_reply":
                return new InteractiveReply(ReplyKind.LIST_ROW, LenientJson.required(reply, "id"),
                        LenientJson.text(reply, "title"), LenientJson.text(reply, "description"), Optional.empty());
            case "call_permission_reply":
                return callPermission(reply);
            case "nfm_reply":
                return new InteractiveReply(ReplyKind.FLOW, LenientJson.text(reply, "name").orElse("flow"),
                        LenientJson.text(reply, "body"), Optional.empty(), LenientJson.text(reply, "response_json"));
            default:
                return null;
        }
    }

    private static CallPermissionReply callPermission(JsonNode reply) {
        String response = LenientJson.required(reply, "response");
        if (!"accept".equals(response) && !"reject".equals(response)) {
            throw new MalformedException("unknown call permission response");
        }
        return new CallPermissionReply("accept".equals(response), LenientJson.flag(reply, "is_permanent"),
                LenientJson.seconds(reply, "expiration_timestamp"), LenientJson.nonBlank(reply, "response_source"));
    }

    private static Order order(JsonNode body) {
        return new Order(LenientJson.required(body, "catalog_id"), LenientJson.nonBlank(body, "text"),
                LenientJson.array(body, "product_items").stream().map(ContentParser::item).toList());
    }

    private static OrderItem item(JsonNode item) {
        try {
            return new OrderItem(LenientJson.required(item, "product_retailer_id"),
                    Integer.parseInt(LenientJson.required(item, "quantity")),
                    new BigDecimal(LenientJson.required(item, "item_price")), LenientJson.required(item, "currency"));
        } catch (NumberFormatException e) {
            throw new MalformedException("an order item's quantity or price is not a number");
        }
    }
}
