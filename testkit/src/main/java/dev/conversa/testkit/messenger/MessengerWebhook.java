package dev.conversa.testkit.messenger;

import java.time.Instant;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds Messenger webhooks ({@code object} {@code "page"}) for tests and demos: every event the
 * Messenger channel reads, in one or several entries, as JSON or as a signed POST.
 *
 * <pre>{@code
 * WebhookRequest request = MessengerWebhook.page("1063")
 *     .text("6811", "m_1", "Hello")
 *     .read("6811", Instant.parse("2026-01-15T09:59:00Z"))
 *     .signed(Secret.of("app-secret"));
 * }</pre>
 *
 * <p>Not thread-safe; build one payload per builder.
 */
public final class MessengerWebhook extends MessagingPlatformWebhook<MessengerWebhook> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MessengerWebhook(String pageId) {
        super("page", pageId);
    }

    /**
     * Starts a payload for a Page.
     *
     * @param pageId the Page id, the first entry's id
     * @return the builder
     */
    public static MessengerWebhook page(String pageId) {
        return new MessengerWebhook(pageId);
    }

    @Override
    protected MessengerWebhook self() {
        return this;
    }

    /**
     * Adds a sticker (an image attachment with a sticker id, as Messenger sends a like).
     *
     * @param psid the customer
     * @param mid the message id
     * @param url the sticker image's URL
     * @param stickerId the sticker id
     * @return this builder
     */
    public MessengerWebhook sticker(String psid, String mid, String url, long stickerId) {
        ObjectNode message = JSON.createObjectNode().put("mid", mid);
        message.putArray("attachments").addObject().put("type", "image").putObject("payload")
                .put("url", url).put("sticker_id", stickerId);
        return custom(psid, "message", message.toString());
    }

    /**
     * Adds a shared location.
     *
     * @param psid the customer
     * @param mid the message id
     * @param latitude the latitude
     * @param longitude the longitude
     * @return this builder
     */
    public MessengerWebhook location(String psid, String mid, double latitude, double longitude) {
        ObjectNode message = JSON.createObjectNode().put("mid", mid);
        message.putArray("attachments").addObject().put("type", "location").put("title", "Pinned Location")
                .putObject("payload").putObject("coordinates").put("lat", latitude).put("long", longitude);
        return custom(psid, "message", message.toString());
    }

    /**
     * Adds a read receipt: every message sent before the watermark was read.
     *
     * @param psid the customer
     * @param watermark the watermark
     * @return this builder
     */
    public MessengerWebhook read(String psid, Instant watermark) {
        return custom(psid, "read", JSON.createObjectNode().put("watermark", watermark.toEpochMilli()).toString());
    }

    /**
     * Adds a delivery receipt for messages the business sent.
     *
     * @param psid the customer
     * @param watermark the watermark
     * @param mids the delivered message ids
     * @return this builder
     */
    public MessengerWebhook delivery(String psid, Instant watermark, String... mids) {
        ObjectNode delivery = JSON.createObjectNode();
        ArrayNode array = delivery.putArray("mids");
        for (String mid : mids) {
            array.add(mid);
        }
        return custom(psid, "delivery", delivery.put("watermark", watermark.toEpochMilli()).toString());
    }

    /**
     * Adds a marketing messages opt-in.
     *
     * @param psid the customer
     * @param payload the opt-in's payload
     * @param token the notification messages token
     * @return this builder
     */
    public MessengerWebhook optIn(String psid, String payload, String token) {
        return custom(psid, "optin", JSON.createObjectNode().put("type", "notification_messages")
                .put("payload", payload).put("notification_messages_token", token)
                .put("notification_messages_status", "RESUME_NOTIFICATIONS").toString());
    }

    /**
     * Adds an edit of a message by the customer.
     *
     * @param psid the customer
     * @param mid the edited message's id
     * @param text the new text
     * @param editCount how many times it was edited
     * @return this builder
     */
    public MessengerWebhook edit(String psid, String mid, String text, int editCount) {
        return custom(psid, "message_edit", JSON.createObjectNode().put("mid", mid).put("text", text)
                .put("num_edit", editCount).toString());
    }

    /**
     * Adds a {@code pass_thread_control} event.
     *
     * @param psid the customer
     * @param fromAppId the app that passed the thread
     * @param toAppId the app that received it
     * @param metadata the note passed along
     * @return this builder
     */
    public MessengerWebhook passThreadControl(String psid, String fromAppId, String toAppId, String metadata) {
        return custom(psid, "pass_thread_control", JSON.createObjectNode().put("previous_owner_app_id", fromAppId)
                .put("new_owner_app_id", toAppId).put("metadata", metadata).toString());
    }

    /**
     * Adds a {@code take_thread_control} event.
     *
     * @param psid the customer
     * @param fromAppId the app that lost the thread
     * @param toAppId the app that took it
     * @param metadata the note passed along
     * @return this builder
     */
    public MessengerWebhook takeThreadControl(String psid, String fromAppId, String toAppId, String metadata) {
        return custom(psid, "take_thread_control", JSON.createObjectNode().put("previous_owner_app_id", fromAppId)
                .put("new_owner_app_id", toAppId).put("metadata", metadata).toString());
    }

    /**
     * Adds a {@code request_thread_control} event.
     *
     * @param psid the customer
     * @param appId the app asking for the thread
     * @param metadata the note passed along
     * @return this builder
     */
    public MessengerWebhook requestThreadControl(String psid, String appId, String metadata) {
        return custom(psid, "request_thread_control", JSON.createObjectNode().put("requested_owner_app_id", appId)
                .put("metadata", metadata).toString());
    }
}
