package dev.conversa.whatsapp.internal;

import dev.conversa.model.Buttons;
import dev.conversa.model.CallToAction;
import dev.conversa.model.Contacts;
import dev.conversa.model.ListMenu;
import dev.conversa.model.Location;
import dev.conversa.model.MarkRead;
import dev.conversa.model.Media;
import dev.conversa.model.MediaKind;
import dev.conversa.model.OutboundContent;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.QuickReplies;
import dev.conversa.model.React;
import dev.conversa.model.SharedContact;
import dev.conversa.model.Template;
import dev.conversa.model.Text;
import dev.conversa.model.Typing;
import dev.conversa.whatsapp.WhatsAppChannel;
import java.util.regex.Pattern;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a channel-neutral {@link OutboundMessage} as the JSON body of
 * {@code POST /{phone-number-id}/messages}, checking WhatsApp's limits first. Pure and
 * thread-safe.
 *
 * <p>A customer known by phone number is addressed with {@code to}; one known only by a
 * business-scoped user id (such as {@code US.13491208655302741918}) with {@code recipient}, which
 * Meta's Cloud API takes "instead of, or in addition to" {@code to} (Meta, "Business-scoped user
 * IDs", https://developers.facebook.com/documentation/business-messaging/whatsapp/business-scoped-user-ids).
 * A group conversation ({@link WhatsAppChannel#GROUP_PREFIX}) is addressed with
 * {@code recipient_type: group} and the group id in {@code to} (the Groups API's messaging
 * reference, as 360dialog documents it: https://docs.360dialog.com/docs/waba-messaging/groups/messaging-api);
 * groups take no read receipts or typing indicators, so those render nothing there.
 *
 * <p>Hiding the typing indicator ({@code Typing(false)}) renders nothing: WhatsApp dismisses
 * it at the reply or after 25 seconds. A location's {@code url} is not shown: WhatsApp's
 * location message has no such field.
 *
 * @see <a href="https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages">Messages API</a>
 */
public final class WhatsAppRenderer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern BUSINESS_SCOPED_ID = Pattern.compile("[A-Z]{2}\\.");

    /** Creates the renderer. */
    public WhatsAppRenderer() {
        // stateless
    }

    /**
     * Renders one message.
     *
     * @param message the message
     * @return the JSON body, or {@code null} when nothing is to be sent (hiding the typing
     *     indicator; a read receipt or typing indicator in a group)
     * @throws IllegalArgumentException if the message breaks a WhatsApp limit
     */
    public ObjectNode render(OutboundMessage message) {
        OutboundContent content = message.content();
        String contact = message.to().contactId();
        boolean group = contact.startsWith(WhatsAppChannel.GROUP_PREFIX);
        if (group && (content instanceof MarkRead || content instanceof Typing)) {
            return null;
        }
        if (content instanceof MarkRead read) {
            return marker(read.messageId());
        }
        if (content instanceof Typing typing) {
            return typing(typing);
        }
        ObjectNode body = NODES.objectNode();
        body.put("messaging_product", "whatsapp");
        if (group) {
            body.put("recipient_type", "group");
            body.put("to", contact.substring(WhatsAppChannel.GROUP_PREFIX.length()));
        } else {
            body.put("recipient_type", "individual");
            body.put(BUSINESS_SCOPED_ID.matcher(contact).lookingAt() ? "recipient" : "to", contact);
        }
        if (!(content instanceof React)) {
            message.replyTo().ifPresent(id -> body.putObject("context").put("message_id", id));
        }
        content(body, content, message.linkPreview());
        return body;
    }

    private static void content(ObjectNode body, OutboundContent content, boolean linkPreview) {
        if (content instanceof Text text) {
            text(body, text.body(), linkPreview);
        } else if (content instanceof Media media) {
            media(body, media);
        } else if (content instanceof Location location) {
            body.put("type", "location");
            location(body.putObject("location"), location);
        } else if (content instanceof Contacts contacts) {
            contacts(body, contacts);
        } else if (content instanceof React react) {
            body.put("type", "reaction");
            body.putObject("reaction").put("message_id", react.messageId()).put("emoji", react.emoji());
        } else if (content instanceof Buttons buttons) {
            InteractiveRenderer.buttons(body, buttons.body(), buttons.buttons());
        } else if (content instanceof QuickReplies replies) {
            InteractiveRenderer.quickReplies(body, replies);
        } else if (content instanceof ListMenu list) {
            InteractiveRenderer.list(body, list);
        } else if (content instanceof CallToAction cta) {
            InteractiveRenderer.callToAction(body, cta);
        } else if (content instanceof Template template) {
            TemplateRenderer.template(body, template);
        } else {
            throw new IllegalArgumentException("WhatsApp cannot send content of kind " + content.kind());
        }
    }

    static void text(ObjectNode body, String text, boolean linkPreview) {
        Limits.notBlank(text, "a text message's body");
        Limits.length(text, Limits.TEXT, "a text message's body");
        body.put("type", "text");
        body.putObject("text").put("preview_url", linkPreview).put("body", text);
    }

    private static void media(ObjectNode body, Media media) {
        String type = mediaType(media.mediaKind());
        body.put("type", type);
        ObjectNode object = body.putObject(type);
        mediaReference(object, media);
        media.caption().ifPresent(caption -> {
            if (!type.equals("image") && !type.equals("video") && !type.equals("document")) {
                throw new IllegalArgumentException("WhatsApp limit: " + type + " messages carry no caption");
            }
            Limits.length(caption, Limits.CAPTION, "a media caption");
            object.put("caption", caption);
        });
        media.filename().ifPresent(filename -> {
            if (!type.equals("document")) {
                throw new IllegalArgumentException("WhatsApp limit: only documents carry a filename");
            }
            object.put("filename", filename);
        });
    }

    static void mediaReference(ObjectNode object, Media media) {
        if (media.mediaId().isPresent()) {
            object.put("id", media.mediaId().get());
        } else {
            object.put("link", media.url().orElseThrow());
        }
    }

    /** The WhatsApp message type of a media kind; voice notes are audio, animations are videos. */
    static String mediaType(MediaKind kind) {
        switch (kind) {
            case IMAGE:
                return "image";
            case AUDIO:
            case VOICE:
                return "audio";
            case VIDEO:
            case ANIMATION:
                return "video";
            case DOCUMENT:
                return "document";
            case STICKER:
                return "sticker";
            default:
                throw new IllegalArgumentException("WhatsApp cannot send media of kind " + kind);
        }
    }

    static void location(ObjectNode object, Location location) {
        object.put("latitude", location.latitude()).put("longitude", location.longitude());
        location.name().ifPresent(name -> object.put("name", name));
        location.address().ifPresent(address -> object.put("address", address));
    }

    private static void contacts(ObjectNode body, Contacts contacts) {
        body.put("type", "contacts");
        var array = body.putArray("contacts");
        for (SharedContact card : contacts.contacts()) {
            Limits.notBlank(card.formattedName(), "a contact card's formatted name");
            ObjectNode node = array.addObject();
            node.putObject("name").put("formatted_name", card.formattedName()).put("first_name", card.formattedName());
            if (!card.phones().isEmpty()) {
                var phones = node.putArray("phones");
                card.phones().forEach(phone -> phones.addObject().put("phone", phone));
            }
            if (!card.emails().isEmpty()) {
                var emails = node.putArray("emails");
                card.emails().forEach(email -> emails.addObject().put("email", email));
            }
            card.organization().ifPresent(org -> node.putObject("org").put("company", org));
        }
    }

    private static ObjectNode marker(String messageId) {
        ObjectNode body = NODES.objectNode();
        body.put("messaging_product", "whatsapp");
        body.put("status", "read");
        body.put("message_id", messageId);
        return body;
    }

    private static ObjectNode typing(Typing typing) {
        if (!typing.on()) {
            return null;
        }
        String messageId = typing.inReplyTo().orElseThrow(() -> new IllegalArgumentException(
                "WhatsApp requires the customer's message id (inReplyTo) to show the typing indicator"));
        ObjectNode body = marker(messageId);
        body.putObject("typing_indicator").put("type", "text");
        return body;
    }
}
