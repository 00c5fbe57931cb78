package dev.conversa.internal.json;

import static dev.conversa.internal.json.JsonFields.bool;
import static dev.conversa.internal.json.JsonFields.doubleValue;
import static dev.conversa.internal.json.JsonFields.enumValue;
import static dev.conversa.internal.json.JsonFields.intValue;
import static dev.conversa.internal.json.JsonFields.list;
import static dev.conversa.internal.json.JsonFields.optionalText;
import static dev.conversa.internal.json.JsonFields.putOptional;
import static dev.conversa.internal.json.JsonFields.putTexts;
import static dev.conversa.internal.json.JsonFields.text;
import static dev.conversa.internal.json.JsonFields.texts;

import dev.conversa.model.ChannelError;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Contacts;
import dev.conversa.model.EventHeader;
import dev.conversa.model.Location;
import dev.conversa.model.Media;
import dev.conversa.model.MediaKind;
import dev.conversa.model.SharedContact;
import dev.conversa.model.Text;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON of the records shared by inbound and outbound content and by several events: text,
 * media, location, contact cards, channel errors and event headers.
 */
final class CommonJson {

    static final String TYPE = "type";

    private CommonJson() {}

    static ObjectNode typed(String type) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put(TYPE, type);
        return node;
    }

    /**
     * JSON of the content inbound and outbound messages share: text, media, location, contact cards.
     *
     * @return empty for any other content
     */
    static Optional<ObjectNode> writeSharedContent(Object content) {
        if (content instanceof Text text) {
            return Optional.of(writeText(text));
        } else if (content instanceof Media media) {
            return Optional.of(writeMedia(media));
        } else if (content instanceof Location location) {
            return Optional.of(writeLocation(location));
        } else if (content instanceof Contacts contacts) {
            return Optional.of(writeContacts(contacts));
        }
        return Optional.empty();
    }

    /**
     * Reads the content inbound and outbound messages share, by its {@code type}.
     *
     * @param family the sealed content interface the caller reads ({@code Text} and the others
     *     implement both)
     * @return empty for any other type
     */
    static <T> Optional<T> readSharedContent(String type, JsonNode node, Class<T> family) {
        Object content = switch (type) {
            case "text" -> readText(node);
            case "media" -> readMedia(node);
            case "location" -> readLocation(node);
            case "contacts" -> readContacts(node);
            default -> null;
        };
        return Optional.ofNullable(content).map(family::cast);
    }

    private static ObjectNode writeText(Text text) {
        return typed("text").put("body", text.body());
    }

    private static Text readText(JsonNode node) {
        return new Text(text(node, "body"));
    }

    static ObjectNode writeMedia(Media media) {
        ObjectNode node = typed("media").put("mediaKind", media.mediaKind().name());
        putOptional(node, "mediaId", media.mediaId());
        putOptional(node, "url", media.url());
        putOptional(node, "mimeType", media.mimeType());
        putOptional(node, "caption", media.caption());
        putOptional(node, "filename", media.filename());
        putOptional(node, "sha256", media.sha256());
        return node.put("animated", media.animated());
    }

    static Media readMedia(JsonNode node) {
        return new Media(enumValue(node, "mediaKind", MediaKind.class), optionalText(node, "mediaId"),
                optionalText(node, "url"), optionalText(node, "mimeType"), optionalText(node, "caption"),
                optionalText(node, "filename"), optionalText(node, "sha256"), bool(node, "animated"));
    }

    static ObjectNode writeLocation(Location location) {
        ObjectNode node = typed("location").put("latitude", location.latitude())
                .put("longitude", location.longitude());
        putOptional(node, "name", location.name());
        putOptional(node, "address", location.address());
        putOptional(node, "url", location.url());
        return node;
    }

    static Location readLocation(JsonNode node) {
        return new Location(doubleValue(node, "latitude"), doubleValue(node, "longitude"),
                optionalText(node, "name"), optionalText(node, "address"), optionalText(node, "url"));
    }

    private static ObjectNode writeContacts(Contacts contacts) {
        ObjectNode node = typed("contacts");
        JsonFields.putList(node, "contacts", contacts.contacts(), CommonJson::writeSharedContact);
        return node;
    }

    private static Contacts readContacts(JsonNode node) {
        return new Contacts(list(node, "contacts", CommonJson::readSharedContact));
    }

    static ObjectNode writeChannelError(ChannelError error) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("code", error.code()).put("title", error.title());
        putOptional(node, "message", error.message());
        putOptional(node, "details", error.details());
        return node;
    }

    static ChannelError readChannelError(JsonNode node) {
        return new ChannelError(intValue(node, "code"), text(node, "title"), optionalText(node, "message"),
                optionalText(node, "details"));
    }

    static ObjectNode writeHeader(EventHeader header) {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("channel", header.channel().value())
                .put("accountId", header.accountId())
                .put("contactId", header.contactId())
                .put("externalId", header.externalId())
                .put("timestamp", header.timestamp().toString());
        if (!header.attributes().isEmpty()) {
            JsonFields.putMap(node, "attributes", header.attributes());
        }
        return node;
    }

    static EventHeader readHeader(JsonNode node) {
        return new EventHeader(new ChannelType(text(node, "channel")), text(node, "accountId"),
                text(node, "contactId"), text(node, "externalId"), JsonFields.instant(node, "timestamp"),
                node.has("attributes") ? JsonFields.map(node, "attributes") : Map.of());
    }

    private static ObjectNode writeSharedContact(SharedContact contact) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("formattedName", contact.formattedName());
        putTexts(node, "phones", contact.phones());
        putTexts(node, "emails", contact.emails());
        putOptional(node, "organization", contact.organization());
        return node;
    }

    private static SharedContact readSharedContact(JsonNode node) {
        return new SharedContact(text(node, "formattedName"), texts(node, "phones"), texts(node, "emails"),
                optionalText(node, "organization"));
    }
}
