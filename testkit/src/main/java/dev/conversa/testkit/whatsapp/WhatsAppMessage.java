package dev.conversa.testkit.whatsapp;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One item of a WhatsApp webhook's {@code messages[]} (or {@code message_echoes[]}), in Meta's
 * format: a type and its body, plus context and referral. Immutable: every modifier returns a
 * copy. The sender and the time are set by {@link WhatsAppWebhook}.
 */
public final class WhatsAppMessage {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode node;

    private WhatsAppMessage(ObjectNode node) {
        this.node = node;
    }

    private static WhatsAppMessage of(String id, String type, ObjectNode body) {
        ObjectNode node = NODES.objectNode().put("id", id).put("type", type);
        if (body != null) {
            node.set(type, body);
        }
        return new WhatsAppMessage(node);
    }

    /**
     * A text message.
     *
     * @param id its wamid
     * @param body the text
     * @return the message
     */
    public static WhatsAppMessage text(String id, String body) {
        return of(id, "text", NODES.objectNode().put("body", body));
    }

    /**
     * A media message: {@code image}, {@code video}, {@code audio}, {@code document} or
     * {@code sticker}.
     *
     * @param id its wamid
     * @param type the media type
     * @param mediaId the media id to download it with
     * @param mimeType its MIME type
     * @return the message, without caption
     */
    public static WhatsAppMessage media(String id, String type, String mediaId, String mimeType) {
        return of(id, type, NODES.objectNode().put("mime_type", mimeType).put("sha256", "c2hhMjU2").put("id", mediaId));
    }

    /**
     * A voice note (push to talk), an {@code audio} with {@code voice: true}.
     *
     * @param id its wamid
     * @param mediaId the media id
     * @return the message
     */
    public static WhatsAppMessage voice(String id, String mediaId) {
        return media(id, "audio", mediaId, "audio/ogg; codecs=opus").withMedia("voice", true);
    }

    /**
     * A shared location.
     *
     * @param id its wamid
     * @param latitude degrees north
     * @param longitude degrees east
     * @param name the place's name, or null for the current location
     * @param address the place's address, or null
     * @return the message
     */
    public static WhatsAppMessage location(String id, double latitude, double longitude, String name, String address) {
        ObjectNode body = NODES.objectNode().put("latitude", latitude).put("longitude", longitude);
        if (name != null) {
            body.put("name", name);
        }
        if (address != null) {
            body.put("address", address);
        }
        return of(id, "location", body);
    }

    /**
     * A shared contact card with one phone number.
     *
     * @param id its wamid
     * @param formattedName the card's name
     * @param phone its phone number
     * @return the message
     */
    public static WhatsAppMessage contact(String id, String formattedName, String phone) {
        WhatsAppMessage message = of(id, "contacts", null);
        ObjectNode card = message.node.putArray("contacts").addObject();
        card.putObject("name").put("formatted_name", formattedName);
        card.putArray("phones").addObject().put("phone", phone).put("type", "CELL");
        return message;
    }

    /**
     * A tap on a reply button.
     *
     * @param id its wamid
     * @param buttonId the button's id
     * @param title the button's title
     * @return the message
     */
    public static WhatsAppMessage buttonReply(String id, String buttonId, String title) {
        return interactive(id, "button_reply", NODES.objectNode().put("id", buttonId).put("title", title));
    }

    /**
     * A choice of a list row.
     *
     * @param id its wamid
     * @param rowId the row's id
     * @param title the row's title
     * @param description the row's description
     * @return the message
     */
    public static WhatsAppMessage listReply(String id, String rowId, String title, String description) {
        return interactive(id, "list_reply",
                NODES.objectNode().put("id", rowId).put("title", title).put("description", description));
    }

    /**
     * A finished WhatsApp Flow.
     *
     * @param id its wamid
     * @param responseJson the Flow's answer as a JSON string
     * @return the message
     */
    public static WhatsAppMessage flowReply(String id, String responseJson) {
        return interactive(id, "nfm_reply",
                NODES.objectNode().put("name", "flow").put("body", "Sent").put("response_json", responseJson));
    }

    private static WhatsAppMessage interactive(String id, String kind, ObjectNode reply) {
        ObjectNode body = NODES.objectNode().put("type", kind);
        body.set(kind, reply);
        return of(id, "interactive", body);
    }

    /**
     * A tap on a template's quick reply button.
     *
     * @param id its wamid
     * @param payload the button's payload
     * @param text the button's text
     * @return the message
     */
    public static WhatsAppMessage templateButton(String id, String payload, String text) {
        return of(id, "button", NODES.objectNode().put("payload", payload).put("text", text));
    }

    /**
     * A reaction, or its removal when {@code emoji} is empty.
     *
     * @param id its wamid
     * @param messageId the message reacted to
     * @param emoji the emoji, empty to remove
     * @return the message
     */
    public static WhatsAppMessage reaction(String id, String messageId, String emoji) {
        return of(id, "reaction", NODES.objectNode().put("message_id", messageId).put("emoji", emoji));
    }

    /**
     * An order of one product from a catalog.
     *
     * @param id its wamid
     * @param catalogId the catalog
     * @param productId the product's retailer id
     * @param quantity how many
     * @param price the price of one
     * @param currency the currency code
     * @return the message
     */
    public static WhatsAppMessage order(
            String id, String catalogId, String productId, int quantity, BigDecimal price, String currency) {
        ObjectNode body = NODES.objectNode().put("catalog_id", catalogId);
        body.putArray("product_items").addObject().put("product_retailer_id", productId).put("quantity", quantity)
                .put("item_price", price).put("currency", currency);
        return of(id, "order", body);
    }

    /**
     * A system notice that the user changed number.
     *
     * @param id its wamid
     * @param newWaId the new number
     * @return the message
     */
    public static WhatsAppMessage numberChanged(String id, String newWaId) {
        return of(id, "system", NODES.objectNode().put("body", "User changed number").put("wa_id", newWaId)
                .put("type", "user_changed_number"));
    }

    /**
     * A system notice that the user's identity changed (reinstalled WhatsApp, new phone): messages
     * to them are no longer end-to-end verified until the business acknowledges it.
     *
     * @param id its wamid
     * @return the message
     */
    public static WhatsAppMessage identityChanged(String id) {
        WhatsAppMessage message = of(id, "system", NODES.objectNode().put("body", "User identity changed")
                .put("type", "customer_identity_changed"));
        message.node.putObject("identity").put("acknowledged", true).put("created_timestamp", "1749418000")
                .put("hash", "c2VjdXJpdHk=");
        return message;
    }

    /**
     * An edit of an earlier message to a new text: the customer's in {@code messages[]}, or, with
     * {@link WhatsAppWebhook#echo}, the business's in the WhatsApp Business app.
     *
     * @param id the edit's own wamid
     * @param originalId the edited message's wamid
     * @param newText the new text
     * @return the message
     */
    public static WhatsAppMessage edit(String id, String originalId, String newText) {
        ObjectNode body = NODES.objectNode().put("original_message_id", originalId);
        body.putObject("message").put("type", "text").putObject("text").put("body", newText);
        return of(id, "edit", body);
    }

    /**
     * A deletion ("delete for everyone") of an earlier message: the customer's in
     * {@code messages[]}, or, with {@link WhatsAppWebhook#echo}, the business's in the WhatsApp
     * Business app.
     *
     * @param id the deletion's own wamid
     * @param originalId the deleted message's wamid
     * @return the message
     */
    public static WhatsAppMessage revoke(String id, String originalId) {
        return of(id, "revoke", NODES.objectNode().put("original_message_id", originalId));
    }

    /**
     * A message of a type the Cloud API does not support, with error 131051.
     *
     * @param id its wamid
     * @param unsupportedType the type's name, such as {@code poll}
     * @return the message
     */
    public static WhatsAppMessage unsupported(String id, String unsupportedType) {
        WhatsAppMessage message = of(id, "unsupported", NODES.objectNode().put("type", unsupportedType));
        ObjectNode error = message.node.putArray("errors").addObject().put("code", 131051)
                .put("title", "Message type unknown").put("message", "Message type unknown");
        error.putObject("error_data").put("details", "Message type is currently not supported.");
        return message;
    }

    /**
     * Returns a copy that quotes a message.
     *
     * @param messageId the quoted message's wamid
     * @param businessNumber the business's display number, as {@code context.from}
     * @return the copy
     */
    public WhatsAppMessage replyTo(String messageId, String businessNumber) {
        ObjectNode copy = node.deepCopy();
        copy.putObject("context").put("from", businessNumber).put("id", messageId);
        return new WhatsAppMessage(copy);
    }

    /**
     * Returns a copy written in a WhatsApp group the business number takes part in.
     *
     * @param groupId the group's id, as {@code group_id}
     * @return the copy
     */
    public WhatsAppMessage inGroup(String groupId) {
        ObjectNode copy = node.deepCopy();
        copy.put("group_id", Objects.requireNonNull(groupId, "groupId"));
        return new WhatsAppMessage(copy);
    }

    /**
     * Returns a copy marked forwarded, or frequently forwarded.
     *
     * @param frequently true for "forwarded many times"
     * @return the copy
     */
    public WhatsAppMessage forwarded(boolean frequently) {
        ObjectNode copy = node.deepCopy();
        ObjectNode context = copy.putObject("context").put("forwarded", true);
        if (frequently) {
            context.put("frequently_forwarded", true);
        }
        return new WhatsAppMessage(copy);
    }

    /**
     * Returns a copy that came from a click-to-WhatsApp ad.
     *
     * @param sourceId the ad's id
     * @param sourceUrl the ad's URL
     * @param headline the ad's headline
     * @param body the ad's text
     * @param extra further fields such as {@code ctwa_clid} or {@code media_type}
     * @return the copy
     */
    public WhatsAppMessage fromAd(String sourceId, String sourceUrl, String headline, String body,
            Map<String, String> extra) {
        ObjectNode copy = node.deepCopy();
        ObjectNode referral = copy.putObject("referral").put("source_url", sourceUrl).put("source_id", sourceId)
                .put("source_type", "ad").put("headline", headline).put("body", body);
        extra.forEach(referral::put);
        return new WhatsAppMessage(copy);
    }

    /**
     * Returns a copy with a field set on the type's body, such as a caption or file name.
     *
     * @param field the field, such as {@code caption}, {@code filename} or {@code animated}
     * @param value its value: a string, number or boolean
     * @return the copy
     */
    public WhatsAppMessage withMedia(String field, Object value) {
        ObjectNode copy = node.deepCopy();
        ObjectNode body = (ObjectNode) copy.get(copy.get("type").asString());
        body.set(field, scalar(value));
        return new WhatsAppMessage(copy);
    }

    private static JsonNode scalar(Object value) {
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Number n) {
            return NODES.numberNode(new BigDecimal(n.toString()));
        }
        return NODES.stringNode(String.valueOf(value));
    }

    ObjectNode node() {
        return node.deepCopy();
    }

    /** Shows the type and id only. */
    @Override
    public String toString() {
        return "WhatsAppMessage[" + node.get("type").asString() + ", " + node.get("id").asString() + "]";
    }
}
