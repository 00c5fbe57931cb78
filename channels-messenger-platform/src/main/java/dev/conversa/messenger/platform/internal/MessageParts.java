package dev.conversa.messenger.platform.internal;

import dev.conversa.model.Buttons;
import dev.conversa.model.CallToAction;
import dev.conversa.model.Choice;
import dev.conversa.model.Contacts;
import dev.conversa.model.ListMenu;
import dev.conversa.model.Location;
import dev.conversa.model.MarkRead;
import dev.conversa.model.Media;
import dev.conversa.model.MediaKind;
import dev.conversa.model.OutboundContent;
import dev.conversa.model.QuickReplies;
import dev.conversa.model.React;
import dev.conversa.model.Text;
import dev.conversa.model.Typing;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns channel-neutral content into Send API payloads, one per request, checking every limit
 * first. Content the channel cannot show is degraded as {@link TemplateParts} documents; content
 * that cannot be degraded (WhatsApp templates, reactions, unsupported media) is refused.
 */
final class MessageParts {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final java.util.Set<String> HEARTS = java.util.Set.of("\u2764", "\u2764\uFE0F", "love");

    private MessageParts() {}

    static List<Part> parts(OutboundContent content, SendApiDialect dialect) {
        if (content instanceof Text text) {
            return List.of(text(text.body(), dialect));
        } else if (content instanceof Media media) {
            return media(media, dialect);
        } else if (content instanceof QuickReplies quick) {
            return List.of(quickReplies(quick.body(), quick.replies(), dialect));
        } else if (content instanceof Buttons buttons) {
            return TemplateParts.buttons(buttons, dialect);
        } else if (content instanceof CallToAction cta) {
            return TemplateParts.callToAction(cta, dialect);
        } else if (content instanceof ListMenu list) {
            return TemplateParts.list(list, dialect);
        } else if (content instanceof Location location) {
            return List.of(text(TemplateParts.locationText(location), dialect));
        } else if (content instanceof Contacts contacts) {
            return List.of(text(TemplateParts.contactsText(contacts), dialect));
        } else if (content instanceof Typing typing) {
            Part action = Part.action(typing.on() ? "typing_on" : "typing_off");
            return typing.on() && typing.inReplyTo().isPresent() ? List.of(Part.action("mark_seen"), action)
                    : List.of(action);
        } else if (content instanceof MarkRead) {
            return List.of(Part.action("mark_seen"));
        } else if (content instanceof React react && dialect.loveReactions()) {
            return List.of(reaction(react, dialect));
        }
        throw new IllegalArgumentException(
                dialect.channelName() + " cannot send '" + content.kind() + "' content through the Send API");
    }

    /** A heart on a message ({@code react}), or its removal when the emoji is empty ({@code unreact}). */
    private static Part reaction(React react, SendApiDialect dialect) {
        ObjectNode payload = JSON.createObjectNode().put("message_id", react.messageId());
        if (react.emoji().isEmpty()) {
            return Part.action("unreact", payload);
        }
        if (!HEARTS.contains(react.emoji())) {
            throw new IllegalArgumentException(dialect.channelName() + " reacts only with a heart (love)");
        }
        return Part.action("react", payload.put("reaction", "love"));
    }

    static Part text(String body, SendApiDialect dialect) {
        ObjectNode message = JSON.createObjectNode();
        message.put("text", Limits.text(body, dialect.maxTextLength(), "text message", dialect));
        return Part.message(message);
    }

    static Part quickReplies(String body, List<Choice> choices, SendApiDialect dialect) {
        if (choices.size() > SendApiDialect.MAX_QUICK_REPLIES) {
            throw new IllegalArgumentException(dialect.channelName() + " allows at most "
                    + SendApiDialect.MAX_QUICK_REPLIES + " quick replies; this message has " + choices.size());
        }
        ObjectNode message = text(body, dialect).message();
        ArrayNode replies = message.putArray("quick_replies");
        for (Choice choice : choices) {
            replies.addObject()
                    .put("content_type", "text")
                    .put("title", Limits.text(choice.title(), SendApiDialect.MAX_TITLE_LENGTH, "quick reply title",
                            dialect))
                    .put("payload", Limits.text(choice.id(), SendApiDialect.MAX_PAYLOAD_LENGTH, "quick reply payload",
                            dialect));
        }
        return Part.message(message);
    }

    private static List<Part> media(Media media, SendApiDialect dialect) {
        if (!dialect.media().contains(media.mediaKind())) {
            throw new IllegalArgumentException(
                    dialect.channelName() + " cannot send media of kind " + media.mediaKind());
        }
        ObjectNode message = JSON.createObjectNode();
        ObjectNode attachment = message.putObject("attachment").put("type", attachmentType(media.mediaKind()));
        ObjectNode payload = attachment.putObject("payload");
        if (media.mediaId().isPresent()) {
            payload.put("attachment_id", media.mediaId().get());
        } else {
            payload.put("url", media.url().orElseThrow()).put("is_reusable", true);
        }
        List<Part> parts = new ArrayList<>();
        parts.add(Part.message(message));
        media.caption().filter(c -> !c.isBlank()).ifPresent(caption -> parts.add(text(caption, dialect)));
        return parts;
    }

    /** The Send API's attachment type for a media kind. */
    static String attachmentType(MediaKind kind) {
        switch (kind) {
            case AUDIO:
            case VOICE:
                return "audio";
            case VIDEO:
                return "video";
            case DOCUMENT:
                return "file";
            case IMAGE:
            case STICKER:
            case ANIMATION:
                return "image";
            default:
                throw new IllegalArgumentException("no Send API attachment type for " + kind.name().toLowerCase(Locale.ROOT));
        }
    }
}
