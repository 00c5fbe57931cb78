package dev.conversa.messenger;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.SendRequest;
import dev.conversa.channel.SendResult;
import dev.conversa.channel.WebhookPayload;
import dev.conversa.graph.GraphClient;
import dev.conversa.graph.GraphRequest;
import dev.conversa.messenger.platform.internal.MessagingEventParser;
import dev.conversa.messenger.platform.internal.MessagingWindow;
import dev.conversa.messenger.platform.internal.SendApiClient;
import dev.conversa.messenger.platform.internal.SendApiDialect;
import dev.conversa.messenger.platform.internal.SendApiRenderer;
import dev.conversa.model.ChannelType;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.Media;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Messenger channel: normalizes webhooks whose {@code object} is {@code "page"} and sends
 * through the Send API ({@code POST /{page-id}/messages} with the Page access token of the
 * {@link ChannelAccount}, whose account id is the Page id).
 *
 * <p>Inbound: every event of {@code entry[].messaging[]}, and of {@code entry[].standby[]} as a
 * {@code Handover} with action {@code STANDBY} (recorded, never answered). Echoes become
 * {@code Echo} events with the sending app's id, so messages typed in the Page inbox can be told
 * from this library's sends.
 *
 * <p>Outbound: within 24 hours of the customer's last message, {@code messaging_type}
 * {@code RESPONSE}; between 24 hours and 7 days only messages written by a person
 * ({@code Author.AGENT}) go, tagged {@code HUMAN_AGENT}. The windows are declared in the
 * capabilities and enforced by core's send gate before the adapter is called; the adapter only
 * picks the messaging type and tag. Text is limited to 2000 characters and 13
 * quick replies of 20 characters, checked before any request. Buttons become a button template,
 * a call to action a {@code web_url} button, a list a generic template, degrading to quick
 * replies or text when they do not fit; a media caption is sent as a second text message.
 *
 * <pre>{@code
 * Conversa conversa = Conversa.builder().channel(MessengerChannel.create()) ... .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @see <a href="https://developers.facebook.com/docs/messenger-platform/reference/send-api/">Send API</a>
 */
public final class MessengerChannel implements ChannelAdapter {

    private static final MessagingEventParser PARSER = new MessagingEventParser(ChannelType.MESSENGER, "page");
    private static final SendApiRenderer RENDERER = new SendApiRenderer(SendApiDialect.MESSENGER);

    private MessengerChannel() {}

    /**
     * Creates the channel; the same as {@code builder().build()}.
     *
     * @return the channel
     */
    public static MessengerChannel create() {
        return builder().build();
    }

    /**
     * Starts configuring the channel. It has no settings yet; the builder is there so that
     * settings can come without a new way to create the channel.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this channel's settings, to build one that differs in some of them.
     *
     * @return a new builder with this channel's settings
     */
    public Builder toBuilder() {
        return new Builder();
    }

    @Override
    public ChannelType type() {
        return ChannelType.MESSENGER;
    }

    @Override
    public String webhookObject() {
        return "page";
    }

    @Override
    public List<InboundEvent> normalize(WebhookPayload payload) {
        return PARSER.parse(payload);
    }

    @Override
    public SendResult send(SendRequest request, GraphClient graph) {
        List<String> bodies = RENDERER.render(request);
        ChannelAccount account = request.account();
        return SendApiClient.send(bodies, "/" + account.accountId() + "/messages", account.accessToken(), graph);
    }

    /**
     * Uploads media for reuse ({@code POST /{page-id}/message_attachments}); send the returned id
     * with {@link Media#byId}.
     *
     * @param account the Page
     * @param media the media, by public https URL
     * @param graph the client
     * @return the attachment id
     * @throws IllegalArgumentException if the media has no URL
     * @throws dev.conversa.graph.GraphApiException if Meta refused the upload
     */
    public String uploadAttachment(ChannelAccount account, Media media, GraphClient graph) {
        return SendApiClient.uploadFromUrl(attachmentsPath(account), media, account.accessToken(), graph);
    }

    /**
     * Uploads media bytes for reuse ({@code POST /{page-id}/message_attachments}, multipart).
     *
     * @param account the Page
     * @param media the media's kind, and its file name and MIME type when known
     * @param bytes the file
     * @param graph the client
     * @return the attachment id
     * @throws dev.conversa.graph.GraphApiException if Meta refused the upload
     */
    public String uploadAttachment(ChannelAccount account, Media media, byte[] bytes, GraphClient graph) {
        return SendApiClient.uploadBytes(attachmentsPath(account), media, bytes, account.accessToken(), graph);
    }

    /**
     * The Page whose {@code subscribed_apps} carry the account's webhooks: the Page itself.
     *
     * @param account the Page's account
     * @return the Page id
     */
    @Override
    public Optional<String> subscription(ChannelAccount account) {
        return Optional.of(account.accountId());
    }

    /**
     * Unsubscribes the app from the Page ({@code DELETE /{page-id}/subscribed_apps} with the Page
     * token, as {@link PageConnector#disconnect} does): Meta sends no more webhooks of that Page.
     *
     * @param account the Page's account being disconnected
     * @param graph the Graph API client
     * @throws dev.conversa.graph.GraphApiException if Meta refused
     */
    @Override
    public void unsubscribe(ChannelAccount account, GraphClient graph) {
        graph.execute(GraphRequest.delete("/" + account.accountId() + "/subscribed_apps", Map.of()),
                account.accessToken());
    }

    @Override
    public ChannelCapabilities capabilities() {
        return ChannelCapabilities.builder()
                .maxTextLength(SendApiDialect.MESSENGER.maxTextLength())
                .maxButtons(SendApiDialect.MAX_BUTTONS)
                .maxButtonTitleLength(SendApiDialect.MAX_TITLE_LENGTH)
                .maxListRows(SendApiDialect.MAX_ELEMENTS)
                .maxQuickReplies(SendApiDialect.MAX_QUICK_REPLIES)
                .typingIndicator(true)
                .readReceipts(true)
                .media(SendApiDialect.MESSENGER.media())
                .replyWindow(MessagingWindow.REPLY_WINDOW)
                .humanAgentWindow(MessagingWindow.HUMAN_AGENT_WINDOW)
                .build();
    }

    private static String attachmentsPath(ChannelAccount account) {
        return "/" + account.accountId() + "/message_attachments";
    }

    /** Configures a {@link MessengerChannel}. Not thread-safe; build once. */
    public static final class Builder {

        private Builder() {}

        /**
         * Builds the channel.
         *
         * @return the channel, immutable and thread-safe
         */
        public MessengerChannel build() {
            return new MessengerChannel();
        }
    }
}
