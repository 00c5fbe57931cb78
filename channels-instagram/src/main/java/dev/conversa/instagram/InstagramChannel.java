package dev.conversa.instagram;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.SendRequest;
import dev.conversa.channel.SendResult;
import dev.conversa.channel.WebhookPayload;
import dev.conversa.graph.GraphClient;
import dev.conversa.graph.GraphRequest;
import dev.conversa.messenger.platform.internal.InstagramSettings;
import dev.conversa.messenger.platform.internal.MessagingEventParser;
import dev.conversa.messenger.platform.internal.MessagingWindow;
import dev.conversa.messenger.platform.internal.SendApiClient;
import dev.conversa.messenger.platform.internal.SendApiDialect;
import dev.conversa.messenger.platform.internal.SendApiRenderer;
import dev.conversa.model.ChannelType;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.MediaKind;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Instagram channel: normalizes webhooks whose {@code object} is {@code "instagram"} with the
 * Messenger Platform parser (the account id is the Instagram professional account id, contacts
 * are IGSIDs) and sends through the Send API.
 *
 * <p>Each {@link ChannelAccount} (account id = the Instagram account id) chooses how it sends:
 * <ul>
 *   <li>through its Facebook Page (default): {@code POST /{page-id}/messages} on the client's base
 *       URL ({@code https://graph.facebook.com}) with the Page access token; the Page id comes
 *       from the setting {@value #PAGE_ID_SETTING}, and without it {@code /me/messages}, which the
 *       Page token resolves to its Page;
 *   <li>with Instagram Login, when the setting {@value #LOGIN_SETTING} is {@code "true"}:
 *       {@code POST /{ig-id}/messages} on {@code https://graph.instagram.com} (configurable) with
 *       the Instagram user access token.
 * </ul>
 *
 * <p>Limits checked before any request: text up to 1000 characters, 13 quick replies of 20
 * characters, images, audio and video only (no files, no stickers); a {@code React} with a heart
 * becomes the {@code react} sender action and an empty emoji {@code unreact} (Instagram reacts
 * with a heart only; other emoji are refused). Instagram has no button
 * template here: buttons and lists become quick replies or numbered text, a call to action
 * becomes text with its URL. The window rules are Messenger's: {@code RESPONSE} within 24 hours,
 * a person's reply tagged {@code HUMAN_AGENT} up to 7 days; core's send gate refuses anything
 * else from the declared capabilities before the adapter is called.
 *
 * <p>Immutable and thread-safe.
 *
 * @see <a href="https://developers.facebook.com/docs/messenger-platform/instagram">Instagram Messaging</a>
 */
public final class InstagramChannel implements ChannelAdapter {

    /** Account setting: {@code "true"} for accounts connected with Instagram Login. */
    public static final String LOGIN_SETTING = InstagramSettings.LOGIN;
    /** Account setting: the id of the Facebook Page the Instagram account is linked to. */
    public static final String PAGE_ID_SETTING = InstagramSettings.PAGE_ID;
    /** The Instagram Graph API host for Instagram Login accounts. */
    public static final URI INSTAGRAM_GRAPH = URI.create("https://graph.instagram.com");

    static final SendApiDialect DIALECT = new SendApiDialect("Instagram", 1000, false,
            Set.of(MediaKind.IMAGE, MediaKind.AUDIO, MediaKind.VOICE, MediaKind.VIDEO, MediaKind.ANIMATION), true, false);

    private static final MessagingEventParser PARSER = new MessagingEventParser(ChannelType.INSTAGRAM, "instagram");
    private static final SendApiRenderer RENDERER = new SendApiRenderer(DIALECT);

    private final URI loginBaseUrl;

    private InstagramChannel(URI loginBaseUrl) {
        this.loginBaseUrl = loginBaseUrl;
    }

    /**
     * Creates the channel with Instagram Login accounts on {@code https://graph.instagram.com};
     * the same as {@code builder().build()}.
     *
     * @return the channel
     */
    public static InstagramChannel create() {
        return builder().build();
    }

    /**
     * Starts configuring the channel; every setting has a default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this channel's settings, to build one that differs in some of them;
     * this channel is left as it is.
     *
     * @return a new builder with this channel's settings
     */
    public Builder toBuilder() {
        return new Builder().loginBaseUrl(loginBaseUrl);
    }

    @Override
    public ChannelType type() {
        return ChannelType.INSTAGRAM;
    }

    @Override
    public String webhookObject() {
        return "instagram";
    }

    @Override
    public List<InboundEvent> normalize(WebhookPayload payload) {
        return PARSER.parse(payload);
    }

    @Override
    public SendResult send(SendRequest request, GraphClient graph) {
        List<String> bodies = RENDERER.render(request);
        ChannelAccount account = request.account();
        if (usesInstagramLogin(account)) {
            return SendApiClient.send(bodies, "/" + account.accountId() + "/messages", account.accessToken(),
                    graph.withBaseUrl(loginBaseUrl));
        }
        String sender = Optional.ofNullable(account.settings().get(PAGE_ID_SETTING)).orElse("me");
        return SendApiClient.send(bodies, "/" + sender + "/messages", account.accessToken(), graph);
    }

    /**
     * The Page whose {@code subscribed_apps} carry the webhooks of an account connected through a
     * Page, from the setting {@value #PAGE_ID_SETTING}; core leaves the Page subscribed while the
     * Page's Messenger account, or another account of that Page, stays connected.
     *
     * @param account the Instagram account
     * @return the Page id, empty for Instagram Login accounts and without the setting
     */
    @Override
    public Optional<String> subscription(ChannelAccount account) {
        return usesInstagramLogin(account) ? Optional.empty()
                : Optional.ofNullable(account.settings().get(PAGE_ID_SETTING));
    }

    /**
     * Unsubscribes the app: from the Page of an account connected through a Page ({@code DELETE
     * /{page-id}/subscribed_apps} with the Page token, as {@code PageConnector.disconnect} does),
     * so Meta sends no more webhooks of that Page, for Instagram and Messenger alike; for an
     * account connected with Instagram Login, from the account itself on the Instagram Login
     * host ({@code DELETE /{ig-user-id}/subscribed_apps} with its Instagram user token, the edge
     * Meta documents for enabling that account's webhooks). An account through a Page without
     * the Page id setting gets no call.
     *
     * @param account the account being disconnected
     * @param graph the Graph API client
     * @throws dev.conversa.graph.GraphApiException if Meta refused
     */
    @Override
    public void unsubscribe(ChannelAccount account, GraphClient graph) {
        if (usesInstagramLogin(account)) {
            graph.withBaseUrl(loginBaseUrl).execute(
                    GraphRequest.delete("/" + account.accountId() + "/subscribed_apps", Map.of()), account.accessToken());
            return;
        }
        Optional<String> page = subscription(account);
        if (page.isPresent()) {
            graph.execute(GraphRequest.delete("/" + page.get() + "/subscribed_apps", Map.of()),
                    account.accessToken());
        }
    }

    @Override
    public ChannelCapabilities capabilities() {
        return ChannelCapabilities.builder()
                .maxTextLength(DIALECT.maxTextLength())
                .maxButtons(SendApiDialect.MAX_QUICK_REPLIES)
                .maxButtonTitleLength(SendApiDialect.MAX_TITLE_LENGTH)
                .maxQuickReplies(SendApiDialect.MAX_QUICK_REPLIES)
                .reactions(true)
                .typingIndicator(true)
                .readReceipts(true)
                .media(DIALECT.media())
                .replyWindow(MessagingWindow.REPLY_WINDOW)
                .humanAgentWindow(MessagingWindow.HUMAN_AGENT_WINDOW)
                .build();
    }

    /**
     * Whether an account is connected with Instagram Login rather than through a Page.
     *
     * @param account the account
     * @return true when its {@value #LOGIN_SETTING} setting is {@code "true"}
     */
    public static boolean usesInstagramLogin(ChannelAccount account) {
        return InstagramSettings.usesLogin(account);
    }

    /** Configures an {@link InstagramChannel}. Not thread-safe; build once. */
    public static final class Builder {

        private URI loginBaseUrl = INSTAGRAM_GRAPH;

        private Builder() {}

        /**
         * Sets the host of Instagram Login accounts (default {@code https://graph.instagram.com}),
         * for a proxy or a test stand-in.
         *
         * @param loginBaseUrl an absolute http(s) URL
         * @return this builder
         */
        public Builder loginBaseUrl(URI loginBaseUrl) {
            this.loginBaseUrl = Objects.requireNonNull(loginBaseUrl, "loginBaseUrl");
            return this;
        }

        /**
         * Builds the channel.
         *
         * @return the channel, immutable and thread-safe
         * @throws IllegalStateException if {@code loginBaseUrl} is not an absolute http(s) URL
         */
        public InstagramChannel build() {
            String scheme = loginBaseUrl.getScheme();
            if (!"https".equals(scheme) && !"http".equals(scheme) || loginBaseUrl.getHost() == null) {
                throw new IllegalStateException("loginBaseUrl must be an absolute http(s) URL such as "
                        + INSTAGRAM_GRAPH + "; got " + loginBaseUrl);
            }
            return new InstagramChannel(loginBaseUrl);
        }
    }
}
