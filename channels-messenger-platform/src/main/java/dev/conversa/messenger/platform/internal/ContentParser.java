package dev.conversa.messenger.platform.internal;

import dev.conversa.internal.json.LenientJson;
import dev.conversa.model.InteractiveReply;
import dev.conversa.model.Location;
import dev.conversa.model.Media;
import dev.conversa.model.MediaKind;
import dev.conversa.model.MessageContent;
import dev.conversa.model.ReplyKind;
import dev.conversa.model.Share;
import dev.conversa.model.StoryMention;
import dev.conversa.model.StoryReply;
import dev.conversa.model.Text;
import dev.conversa.model.UnsupportedContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads the content of a {@code message} object. A message with several attachments yields one
 * content per attachment, in order; text sent together with a single attachment becomes its
 * caption. A {@code fallback} attachment (a link Messenger shows as a card) keeps its URL and title,
 * which older payloads put on the attachment itself beside a {@code null} or opaque payload; a
 * {@code template} attachment is read by {@link SharedTemplates}. Content this version cannot read
 * becomes {@link UnsupportedContent} with its raw JSON.
 */
final class ContentParser {

    private ContentParser() {}

    static List<MessageContent> contents(JsonNode message) {
        Optional<String> text = LenientJson.nonEmpty(message, "text");
        if (LenientJson.flag(message, "is_unsupported")) {
            return List.of(new UnsupportedContent("is_unsupported", message.toString(), List.of()));
        }
        JsonNode story = message.path("reply_to").path("story");
        if (story.isObject()) {
            return List.of(new StoryReply(LenientJson.nonEmpty(story, "id").orElse(""), LenientJson.nonEmpty(story, "url").orElse(""),
                    text.orElse("")));
        }
        Optional<String> quickReply = LenientJson.nonEmpty(message.path("quick_reply"), "payload");
        if (quickReply.isPresent()) {
            return List.of(new InteractiveReply(ReplyKind.QUICK_REPLY, quickReply.get(), text, Optional.empty(),
                    Optional.empty()));
        }
        JsonNode attachments = message.path("attachments");
        if (!attachments.isArray() || attachments.isEmpty()) {
            return text.<List<MessageContent>>map(t -> List.of(new Text(t)))
                    .orElseGet(() -> List.of(new UnsupportedContent("empty", message.toString(), List.of())));
        }
        List<MessageContent> contents = new ArrayList<>();
        for (JsonNode attachment : attachments) {
            contents.add(attachment(attachment));
        }
        if (contents.size() == 1 && text.isPresent() && contents.get(0) instanceof Media media) {
            return List.of(media.withCaption(text.get()));
        }
        if (text.isPresent()) {
            contents.add(0, new Text(text.get()));
        }
        return contents;
    }

    static MessageContent attachment(JsonNode attachment) {
        String type = LenientJson.nonEmpty(attachment, "type").orElse("");
        JsonNode payload = attachment.path("payload");
        Optional<String> url = LenientJson.nonEmpty(payload, "url");
        Optional<String> title = LenientJson.nonEmpty(payload, "title").or(() -> LenientJson.nonEmpty(attachment, "title"));
        if ("fallback".equals(type)) {
            url = url.or(() -> LenientJson.nonEmpty(attachment, "url")).or(() -> LenientJson.nonEmpty(attachment, "URL"));
        }
        switch (type) {
            case "image":
                return image(payload, url, attachment);
            case "audio":
                return media(MediaKind.AUDIO, url, attachment);
            case "video":
                return media(MediaKind.VIDEO, url, attachment);
            case "file":
                return media(MediaKind.DOCUMENT, url, attachment);
            case "sticker":
                return sticker(payload, url, attachment);
            case "location":
                return location(payload, title, url, attachment);
            case "story_mention":
                return url.<MessageContent>map(StoryMention::new).orElseGet(() -> unsupported(type, attachment));
            case "fallback":
            case "share":
            case "ig_post":
                return share(type, url, title, attachment);
            case "reel":
            case "ig_reel":
                return share("reel", url, title, attachment);
            case "template":
                return SharedTemplates.template(attachment);
            default:
                return unsupported(type.isEmpty() ? "attachment" : type, attachment);
        }
    }

    private static MessageContent image(JsonNode payload, Optional<String> url, JsonNode attachment) {
        if (LenientJson.nonEmpty(payload, "sticker_id").isPresent()) {
            return sticker(payload, url, attachment);
        }
        return media(MediaKind.IMAGE, url, attachment);
    }

    private static MessageContent sticker(JsonNode payload, Optional<String> url, JsonNode attachment) {
        Optional<String> stickerId = LenientJson.nonEmpty(payload, "sticker_id");
        if (stickerId.isEmpty() && url.isEmpty()) {
            return unsupported("sticker", attachment);
        }
        return new Media(MediaKind.STICKER, stickerId, url, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false);
    }

    private static MessageContent media(MediaKind kind, Optional<String> url, JsonNode attachment) {
        return url.<MessageContent>map(u -> Media.byUrl(kind, u))
                .orElseGet(() -> unsupported(kind.name().toLowerCase(java.util.Locale.ROOT), attachment));
    }

    private static MessageContent location(
            JsonNode payload, Optional<String> title, Optional<String> url, JsonNode attachment) {
        JsonNode coordinates = payload.path("coordinates");
        if (!coordinates.path("lat").isNumber() || !coordinates.path("long").isNumber()) {
            return unsupported("location", attachment);
        }
        return new Location(coordinates.path("lat").asDouble(), coordinates.path("long").asDouble(), title,
                Optional.empty(), url);
    }

    private static MessageContent share(
            String kind, Optional<String> url, Optional<String> title, JsonNode attachment) {
        return url.<MessageContent>map(u -> new Share(kind, u, title)).orElseGet(() -> unsupported(kind, attachment));
    }

    private static MessageContent unsupported(String type, JsonNode raw) {
        return new UnsupportedContent(type, raw.toString(), List.of());
    }
}
