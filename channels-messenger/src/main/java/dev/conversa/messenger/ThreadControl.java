package dev.conversa.messenger;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.graph.GraphClient;
import dev.conversa.graph.GraphRequest;
import dev.conversa.messenger.platform.internal.GraphJson;
import dev.conversa.model.ChannelType;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * The handover protocol, for hosts that enable it: pass a thread to the Page inbox (or another
 * app) when a person takes over, take it back when the bot resumes, or ask the app holding it
 * for it. While another app holds the thread, its events arrive as standby events and the bot
 * stays silent.
 *
 * <p>Hosts that do not use the protocol use {@link #disabled()}, whose calls send nothing and
 * return false. Messenger Pages and Instagram accounts connected through a Page are supported;
 * Instagram Login accounts have no handover protocol and are refused.
 *
 * <pre>{@code
 * ThreadControl handover = ThreadControl.builder().graph(graph).build();
 * handover.passThreadControl(account, psid, "customer asked for a person");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @see <a href="https://developers.facebook.com/docs/messenger-platform/handover-protocol">Handover protocol</a>
 */
public final class ThreadControl {

    /** The app id of the Facebook Page inbox, the default target of a pass. */
    public static final String PAGE_INBOX_APP_ID = "263902037430900";

    private static final int MAX_METADATA_LENGTH = 1000;
    private static final ThreadControl DISABLED = new ThreadControl(null, PAGE_INBOX_APP_ID);

    private final GraphClient graph;
    private final String targetAppId;

    private ThreadControl(GraphClient graph, String targetAppId) {
        this.graph = graph;
        this.targetAppId = targetAppId;
    }

    /**
     * Starts a builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this instance's Graph client and target app, to build one that differs
     * in some of them; this instance is left as it is. The builder of {@link #disabled()} holds
     * no Graph client, so building from it needs {@link Builder#graph}.
     *
     * @return a new builder with this instance's settings
     */
    public Builder toBuilder() {
        Builder builder = new Builder().targetAppId(targetAppId);
        builder.graph = graph;
        return builder;
    }

    /**
     * The protocol switched off: every call returns false without a request.
     *
     * @return the disabled instance
     */
    public static ThreadControl disabled() {
        return DISABLED;
    }

    /**
     * Passes the thread with a person to the target app ({@code POST /{page-id}/pass_thread_control}).
     *
     * @param account the Page or Instagram account
     * @param userId the PSID or IGSID
     * @param metadata a note for the receiving app, up to 1000 characters, may be empty
     * @return true if Meta confirmed; false when disabled
     * @throws IllegalArgumentException if the metadata is too long or the account uses Instagram Login
     * @throws dev.conversa.graph.GraphApiException if Meta refused
     */
    public boolean passThreadControl(ChannelAccount account, String userId, String metadata) {
        return call(account, "pass_thread_control", userId, metadata, true);
    }

    /**
     * Takes the thread back for this app ({@code POST /{page-id}/take_thread_control}); only the
     * primary receiver may.
     *
     * @param account the Page or Instagram account
     * @param userId the PSID or IGSID
     * @param metadata a note for the app losing the thread, may be empty
     * @return true if Meta confirmed; false when disabled
     * @throws IllegalArgumentException if the metadata is too long or the account uses Instagram Login
     * @throws dev.conversa.graph.GraphApiException if Meta refused
     */
    public boolean takeThreadControl(ChannelAccount account, String userId, String metadata) {
        return call(account, "take_thread_control", userId, metadata, false);
    }

    /**
     * Asks the app holding the thread for it ({@code POST /{page-id}/request_thread_control}).
     *
     * @param account the Page or Instagram account
     * @param userId the PSID or IGSID
     * @param metadata a note for the app holding the thread, may be empty
     * @return true if Meta confirmed; false when disabled
     * @throws IllegalArgumentException if the metadata is too long or the account uses Instagram Login
     * @throws dev.conversa.graph.GraphApiException if Meta refused
     */
    public boolean requestThreadControl(ChannelAccount account, String userId, String metadata) {
        return call(account, "request_thread_control", userId, metadata, false);
    }

    private boolean call(ChannelAccount account, String action, String userId, String metadata, boolean target) {
        if (graph == null) {
            return false;
        }
        if (metadata.codePointCount(0, metadata.length()) > MAX_METADATA_LENGTH) {
            throw new IllegalArgumentException("handover metadata allows at most 1000 characters");
        }
        ObjectNode body = GraphJson.object();
        body.putObject("recipient").put("id", userId);
        if (target) {
            body.put("target_app_id", targetAppId);
        }
        if (!metadata.isEmpty()) {
            body.put("metadata", metadata);
        }
        String path = "/" + pageId(account) + "/" + action;
        return GraphJson.read(graph.execute(GraphRequest.postJson(path, body.toString()), account.accessToken()),
                action).path("success").asBoolean(false);
    }

    private static String pageId(ChannelAccount account) {
        if (!ChannelType.INSTAGRAM.equals(account.channel())) {
            return account.accountId();
        }
        if (PageConnector.usesInstagramLogin(account)) {
            throw new IllegalArgumentException("Instagram Login accounts have no handover protocol; "
                    + "connect the Instagram account through its Facebook Page to use it");
        }
        String page = account.settings().get(PageConnector.INSTAGRAM_PAGE_ID_SETTING);
        return page == null ? "me" : page;
    }

    /** Configures a {@link ThreadControl}. Not thread-safe; build once. */
    public static final class Builder {

        private GraphClient graph;
        private String targetAppId = PAGE_INBOX_APP_ID;

        private Builder() {}

        /**
         * The Graph API client (required).
         *
         * @param graph the client
         * @return this builder
         */
        public Builder graph(GraphClient graph) {
            this.graph = Objects.requireNonNull(graph, "graph");
            return this;
        }

        /**
         * The app a thread is passed to; default the Page inbox, {@value ThreadControl#PAGE_INBOX_APP_ID}.
         * {@link #build()} refuses a blank one.
         *
         * @param appId the app id
         * @return this builder
         */
        public Builder targetAppId(String appId) {
            this.targetAppId = Objects.requireNonNull(appId, "targetAppId");
            return this;
        }

        /**
         * Builds the handover calls.
         *
         * @return the instance
         * @throws IllegalStateException if {@code graph} is missing or {@code targetAppId} is blank
         */
        public ThreadControl build() {
            if (graph == null) {
                throw new IllegalStateException("graph is required: call ThreadControl.builder().graph(GraphClient"
                        + ".builder()...build())");
            }
            if (targetAppId.isBlank()) {
                throw new IllegalStateException("targetAppId must not be blank: call targetAppId(...) with the id of"
                        + " the app to pass threads to, or leave it unset for the Page inbox");
            }
            return new ThreadControl(graph, targetAppId);
        }
    }
}
