package dev.conversa.testkit.instagram;

import dev.conversa.testkit.messenger.MessagingPlatformWebhook;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds Instagram messaging webhooks ({@code object} {@code "instagram"}) for tests and demos:
 * the events shared with Messenger plus shares, story mentions, story replies, reels, unsends,
 * unsupported messages and seen receipts.
 *
 * <pre>{@code
 * WebhookRequest request = InstagramWebhook.account("17841405822304914")
 *     .storyMention("1293847561029384", "aWdf1", "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1")
 *     .signed(Secret.of("app-secret"));
 * }</pre>
 *
 * <p>Not thread-safe; build one payload per builder.
 */
public final class InstagramWebhook extends MessagingPlatformWebhook<InstagramWebhook> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private InstagramWebhook(String instagramAccountId) {
        super("instagram", instagramAccountId);
    }

    /**
     * Starts a payload for an Instagram professional account.
     *
     * @param instagramAccountId the Instagram account id, the first entry's id
     * @return the builder
     */
    public static InstagramWebhook account(String instagramAccountId) {
        return new InstagramWebhook(instagramAccountId);
    }

    @Override
    protected InstagramWebhook self() {
        return this;
    }

    /**
     * Adds a shared post.
     *
     * @param igsid the customer
     * @param mid the message id
     * @param url the share's URL
     * @return this builder
     */
    public InstagramWebhook share(String igsid, String mid, String url) {
        return attachment(igsid, mid, "share", url);
    }

    /**
     * Adds a mention of the business in the customer's story.
     *
     * @param igsid the customer
     * @param mid the message id
     * @param url the story's expiring CDN URL
     * @return this builder
     */
    public InstagramWebhook storyMention(String igsid, String mid, String url) {
        return attachment(igsid, mid, "story_mention", url);
    }

    /**
     * Adds a shared reel.
     *
     * @param igsid the customer
     * @param mid the message id
     * @param url the reel's URL
     * @return this builder
     */
    public InstagramWebhook reel(String igsid, String mid, String url) {
        return attachment(igsid, mid, "ig_reel", url);
    }

    /**
     * Adds a reply to the business's story.
     *
     * @param igsid the customer
     * @param mid the message id
     * @param text the reply
     * @param storyId the story's id
     * @param storyUrl the story's expiring URL
     * @return this builder
     */
    public InstagramWebhook storyReply(String igsid, String mid, String text, String storyId, String storyUrl) {
        ObjectNode message = JSON.createObjectNode().put("mid", mid).put("text", text);
        message.putObject("reply_to").putObject("story").put("url", storyUrl).put("id", storyId);
        return custom(igsid, "message", message.toString());
    }

    /**
     * Adds an unsend: the customer deleted a message.
     *
     * @param igsid the customer
     * @param mid the deleted message's id
     * @return this builder
     */
    public InstagramWebhook deleted(String igsid, String mid) {
        return custom(igsid, "message", JSON.createObjectNode().put("mid", mid).put("is_deleted", true).toString());
    }

    /**
     * Adds a message Instagram does not deliver the content of (GIFs, some stickers).
     *
     * @param igsid the customer
     * @param mid the message id
     * @return this builder
     */
    public InstagramWebhook unsupported(String igsid, String mid) {
        return custom(igsid, "message", JSON.createObjectNode().put("mid", mid).put("is_unsupported", true).toString());
    }

    /**
     * Adds a seen receipt for one message the business sent.
     *
     * @param igsid the customer
     * @param mid the seen message's id
     * @return this builder
     */
    public InstagramWebhook seen(String igsid, String mid) {
        return custom(igsid, "read", JSON.createObjectNode().put("mid", mid).toString());
    }
}
