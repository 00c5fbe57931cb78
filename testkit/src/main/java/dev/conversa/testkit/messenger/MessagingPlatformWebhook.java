package dev.conversa.testkit.messenger;

import dev.conversa.lang.Secret;
import dev.conversa.testkit.SignedWebhook;
import dev.conversa.webhook.WebhookRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Messenger and Instagram webhook builders share: the envelope ({@code object},
 * {@code entry[]} with {@code id}, {@code time}, {@code messaging[]} and {@code standby[]}), the
 * events both channels send, and signing. Events go into the current entry, in order; every event
 * carries the time set with {@link #at}, in milliseconds.
 *
 * <p>Not thread-safe; build one payload per builder.
 *
 * @param <B> the concrete builder, returned by every step
 */
public abstract class MessagingPlatformWebhook<B extends MessagingPlatformWebhook<B>> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String object;
    private final List<ObjectNode> entries = new ArrayList<>();
    private ObjectNode entry;
    private Instant at = Instant.parse("2026-01-15T10:00:00Z");

    /**
     * Starts a payload.
     *
     * @param object the webhook {@code object}, {@code "page"} or {@code "instagram"}
     * @param accountId the first entry's id: the Page id or Instagram account id
     */
    protected MessagingPlatformWebhook(String object, String accountId) {
        this.object = Objects.requireNonNull(object, "object");
        entry(accountId);
    }

    /**
     * This builder, typed.
     *
     * @return this
     */
    protected abstract B self();

    /**
     * Starts another entry, for another account, in the same POST.
     *
     * @param accountId the entry id
     * @return this builder
     */
    public B entry(String accountId) {
        entry = JSON.createObjectNode().put("id", Objects.requireNonNull(accountId, "accountId"))
                .put("time", at.toEpochMilli());
        entries.add(entry);
        return self();
    }

    /**
     * Sets the time of the events added next, and of the current entry.
     *
     * @param time the time
     * @return this builder
     */
    public B at(Instant time) {
        this.at = Objects.requireNonNull(time, "time");
        entry.put("time", time.toEpochMilli());
        return self();
    }

    /**
     * Adds a text message from a customer.
     *
     * @param userId the PSID or IGSID
     * @param mid the message id
     * @param text the text
     * @return this builder
     */
    public B text(String userId, String mid, String text) {
        return message(userId, message(mid).put("text", text));
    }

    /**
     * Adds a quick reply tap.
     *
     * @param userId the PSID or IGSID
     * @param mid the message id
     * @param title the quick reply's title, sent as text
     * @param payload the quick reply's payload
     * @return this builder
     */
    public B quickReply(String userId, String mid, String title, String payload) {
        ObjectNode message = message(mid).put("text", title);
        message.putObject("quick_reply").put("payload", payload);
        return message(userId, message);
    }

    /**
     * Adds a text message that replies to another message.
     *
     * @param userId the PSID or IGSID
     * @param mid the message id
     * @param text the text
     * @param repliedMid the id of the message replied to
     * @return this builder
     */
    public B replyTo(String userId, String mid, String text, String repliedMid) {
        ObjectNode message = message(mid).put("text", text);
        message.putObject("reply_to").put("mid", repliedMid);
        return message(userId, message);
    }

    /**
     * Adds a message with one attachment.
     *
     * @param userId the PSID or IGSID
     * @param mid the message id
     * @param type the attachment type, such as {@code image}, {@code audio}, {@code video},
     *     {@code file}, or on Instagram {@code share}, {@code story_mention}, {@code ig_reel}
     * @param url the attachment's URL
     * @return this builder
     */
    public B attachment(String userId, String mid, String type, String url) {
        ObjectNode message = message(mid);
        message.putArray("attachments").addObject().put("type", type).putObject("payload").put("url", url);
        return message(userId, message);
    }

    /**
     * Adds a postback (a button tap).
     *
     * @param userId the PSID or IGSID
     * @param mid the postback's message id
     * @param title the button's title
     * @param payload the button's payload
     * @return this builder
     */
    public B postback(String userId, String mid, String title, String payload) {
        return event(userId, "postback", JSON.createObjectNode().put("mid", mid).put("title", title)
                .put("payload", payload));
    }

    /**
     * Adds a reaction to a message.
     *
     * @param userId the PSID or IGSID
     * @param mid the id of the message reacted to
     * @param emoji the emoji
     * @return this builder
     */
    public B reaction(String userId, String mid, String emoji) {
        return event(userId, "reaction", JSON.createObjectNode().put("mid", mid).put("action", "react")
                .put("reaction", "other").put("emoji", emoji));
    }

    /**
     * Adds the removal of a reaction.
     *
     * @param userId the PSID or IGSID
     * @param mid the id of the message
     * @return this builder
     */
    public B unreact(String userId, String mid) {
        return event(userId, "reaction", JSON.createObjectNode().put("mid", mid).put("action", "unreact")
                .put("reaction", "other"));
    }

    /**
     * Adds a referral (an m.me or ig.me link with a ref, or an ad).
     *
     * @param userId the PSID or IGSID
     * @param source the source, such as {@code SHORTLINK}, {@code ADS} or {@code IGME}
     * @param ref the ref parameter
     * @return this builder
     */
    public B referral(String userId, String source, String ref) {
        return event(userId, "referral", JSON.createObjectNode().put("ref", ref).put("source", source)
                .put("type", "OPEN_THREAD"));
    }

    /**
     * Adds an echo: a message the business sent, from this app or another.
     *
     * @param userId the customer's PSID or IGSID (the echo's recipient)
     * @param mid the message id
     * @param text the text
     * @param appId the id of the app that sent it; null leaves it out, as Instagram does
     * @return this builder
     */
    public B echo(String userId, String mid, String text, String appId) {
        ObjectNode message = message(mid).put("is_echo", true).put("text", text);
        if (appId != null) {
            message.put("app_id", appId);
        }
        ObjectNode event = JSON.createObjectNode();
        event.putObject("sender").put("id", entry.path("id").asString());
        event.putObject("recipient").put("id", userId);
        event.put("timestamp", at.toEpochMilli()).set("message", message);
        return add("messaging", event);
    }

    /**
     * Adds the echo of an attachment the business sent, such as an image.
     *
     * @param userId the customer's PSID or IGSID (the echo's recipient)
     * @param mid the message id
     * @param type the attachment type, such as {@code image}
     * @param url the attachment's URL
     * @param appId the id of the app that sent it; null leaves it out, as Instagram does
     * @return this builder
     */
    public B attachmentEcho(String userId, String mid, String type, String url, String appId) {
        ObjectNode message = message(mid).put("is_echo", true);
        message.putArray("attachments").addObject().put("type", type).putObject("payload").put("url", url);
        if (appId != null) {
            message.put("app_id", appId);
        }
        ObjectNode event = JSON.createObjectNode();
        event.putObject("sender").put("id", entry.path("id").asString());
        event.putObject("recipient").put("id", userId);
        event.put("timestamp", at.toEpochMilli()).set("message", message);
        return add("messaging", event);
    }

    /**
     * Adds a text message that arrived while another app holds the thread ({@code standby[]}).
     *
     * @param userId the PSID or IGSID
     * @param mid the message id
     * @param text the text
     * @return this builder
     */
    public B standbyText(String userId, String mid, String text) {
        return add("standby", envelope(userId).set("message", message(mid).put("text", text)));
    }

    /**
     * Adds any event, given as its payload key and JSON object, for cases without a method.
     *
     * @param userId the PSID or IGSID
     * @param key the payload key, such as {@code "messaging_game_plays"}
     * @param json the payload object as JSON text
     * @return this builder
     */
    public B custom(String userId, String key, String json) {
        return event(userId, key, (ObjectNode) JSON.readTree(json));
    }

    /**
     * The payload as JSON text, unescaped.
     *
     * @return the JSON
     */
    public String json() {
        ObjectNode root = JSON.createObjectNode().put("object", object);
        ArrayNode array = root.putArray("entry");
        entries.forEach(array::add);
        return root.toString();
    }

    /**
     * The payload as a webhook POST, escaped and signed as Meta does.
     *
     * @param appSecret the app secret the handler under test is configured with
     * @return the request
     */
    public WebhookRequest signed(Secret appSecret) {
        return SignedWebhook.builder().appSecret(appSecret).metaJson(json()).build();
    }

    private B event(String userId, String key, ObjectNode payload) {
        return add("messaging", envelope(userId).set(key, payload));
    }

    private B message(String userId, ObjectNode message) {
        return event(userId, "message", message);
    }

    private static ObjectNode message(String mid) {
        return JSON.createObjectNode().put("mid", mid);
    }

    private ObjectNode envelope(String userId) {
        ObjectNode event = JSON.createObjectNode();
        event.putObject("sender").put("id", userId);
        event.putObject("recipient").put("id", entry.path("id").asString());
        return event.put("timestamp", at.toEpochMilli());
    }

    private B add(String field, ObjectNode event) {
        ArrayNode events = entry.has(field) ? (ArrayNode) entry.get(field) : entry.putArray(field);
        events.add(event);
        return self();
    }
}
