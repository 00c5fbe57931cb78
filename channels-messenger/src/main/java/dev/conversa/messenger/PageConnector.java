package dev.conversa.messenger;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.graph.GraphClient;
import dev.conversa.graph.GraphRequest;
import dev.conversa.lang.ConversaException;
import dev.conversa.lang.Secret;
import dev.conversa.messenger.platform.internal.GraphJson;
import dev.conversa.messenger.platform.internal.InstagramSettings;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The Graph API calls behind an integrator's "connect your Page" flow: list the Pages a person
 * administers, connect one (subscribe the app to its webhook fields and return the account for the
 * host to store, which encrypts its token), find the Instagram account linked to it, and
 * disconnect (unsubscribe). Storing, keeping or erasing the account and its conversations stays
 * with the host: {@code Conversa.disconnectAccount} stops processing and unsubscribes, and
 * {@code Conversa.disconnectAccountAndErase} erases the data too. Pass the app user who
 * connected the Page ({@link #connect(TenantId, ManagedPage, String)}) so that Meta's data
 * deletion and deauthorize callbacks of that user find it.
 *
 * <pre>{@code
 * PageConnector pages = PageConnector.builder().graph(graph).build();
 * ManagedPage page = pages.listPages(userToken).get(0);
 * conversa.registerAccount(pages.connect(tenant, page, appUserId));
 * }</pre>
 *
 * <p>Every failure of Meta is a {@code GraphApiException}, for example code 190 when the user's
 * token expired. Immutable and thread-safe.
 */
public final class PageConnector {

    /** Account setting of Instagram accounts connected through a Page: the Page's id. */
    public static final String INSTAGRAM_PAGE_ID_SETTING = InstagramSettings.PAGE_ID;
    /** Account setting of Instagram accounts connected with Instagram Login: {@code "true"}. */
    public static final String INSTAGRAM_LOGIN_SETTING = InstagramSettings.LOGIN;

    /**
     * Tells whether an Instagram account was connected with Instagram Login (its token and
     * requests belong to {@code graph.instagram.com}, and it has no Page and no handover protocol).
     *
     * @param account the account
     * @return true when its {@link #INSTAGRAM_LOGIN_SETTING} is {@code "true"}
     */
    public static boolean usesInstagramLogin(ChannelAccount account) {
        return InstagramSettings.usesLogin(account);
    }
    /** The webhook fields a Page is subscribed to by default. */
    public static final List<String> DEFAULT_FIELDS = List.of("messages", "messaging_postbacks", "message_echoes",
            "message_reads", "message_deliveries", "message_reactions", "messaging_referrals", "messaging_optins",
            "messaging_handovers", "standby", "message_edits");

    private static final String PAGE_FIELDS = "id,name,access_token,tasks,instagram_business_account{id,username}";
    private static final int MAX_PAGES = 100;

    private final GraphClient graph;
    private final List<String> fields;

    private PageConnector(Builder builder) {
        this.graph = builder.graph;
        this.fields = List.copyOf(builder.fields);
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
     * A builder holding this connector's Graph client and webhook fields, to build one that
     * differs in some of them; this connector is left as it is.
     *
     * @return a new builder with this connector's settings
     */
    public Builder toBuilder() {
        return new Builder().graph(graph).subscribedFields(fields);
    }

    /**
     * Lists every Page the person administers, following Meta's paging to the end.
     *
     * @param userToken the person's user access token from Facebook Login
     * @return the Pages, with their Page tokens and linked Instagram accounts
     * @throws dev.conversa.graph.GraphApiException if Meta refused (code 190: the token expired)
     */
    public List<ManagedPage> listPages(Secret userToken) {
        List<ManagedPage> pages = new ArrayList<>();
        Optional<String> after = Optional.empty();
        for (int round = 0; round < MAX_PAGES; round++) {
            Map<String, String> query = after.isPresent()
                    ? Map.of("fields", PAGE_FIELDS, "after", after.get())
                    : Map.of("fields", PAGE_FIELDS);
            JsonNode answer = GraphJson.read(
                    graph.execute(GraphRequest.get("/me/accounts", query), userToken), "the Page list");
            for (JsonNode page : answer.path("data")) {
                pages.add(page(page));
            }
            JsonNode paging = answer.path("paging");
            after = GraphJson.text(paging.path("cursors"), "after");
            if (GraphJson.text(paging, "next").isEmpty() || after.isEmpty()) {
                break;
            }
        }
        return pages;
    }

    /**
     * Connects a Page: subscribes the app to its webhook fields and returns its Messenger account.
     *
     * @param tenant the business the Page belongs to
     * @param page the Page, from {@link #listPages}
     * @return the account to store
     * @throws dev.conversa.graph.GraphApiException if the subscription failed
     */
    public ChannelAccount connect(TenantId tenant, ManagedPage page) {
        ChannelAccount account = ChannelAccount.of(tenant, ChannelType.MESSENGER, page.id(), page.accessToken());
        subscribe(account);
        return account;
    }

    /**
     * Connects a Page as {@link #connect(TenantId, ManagedPage)} does, recording the app user who
     * connected it: the business person logged in with Facebook Login, by the app-scoped id Meta's
     * data deletion and deauthorize callbacks name ({@link ChannelAccount#appUserId()}), so their
     * requests find the account. For the Page's Instagram account, record the same user with
     * {@code instagramAccountOf(tenant, page).withAppUserId(appUserId)}.
     *
     * @param tenant the business the Page belongs to
     * @param page the Page, from {@link #listPages}
     * @param appUserId the app-scoped id of the user whose token listed the Page ({@code GET /me})
     * @return the account to store
     * @throws IllegalArgumentException if the app user id is blank or longer than 200 characters
     * @throws dev.conversa.graph.GraphApiException if the subscription failed
     */
    public ChannelAccount connect(TenantId tenant, ManagedPage page, String appUserId) {
        ChannelAccount account = ChannelAccount.of(tenant, ChannelType.MESSENGER, page.id(), page.accessToken())
                .withAppUserId(appUserId);
        subscribe(account);
        return account;
    }

    /**
     * The Instagram account of a Page connected through it: the Instagram account id with the Page's
     * token and the Page id in the setting {@value #INSTAGRAM_PAGE_ID_SETTING}. Instagram webhooks
     * through a Page also need the Page subscribed: {@link #connect} or {@link #subscribe} it.
     *
     * @param tenant the business
     * @param page the Page, with its linked Instagram account
     * @return the account to store
     * @throws IllegalArgumentException if no Instagram account is linked to the Page
     */
    public ChannelAccount instagramAccountOf(TenantId tenant, ManagedPage page) {
        InstagramAccount instagram = page.instagram().orElseThrow(() -> new IllegalArgumentException(
                "no Instagram professional account is linked to Page " + page.id()));
        return new ChannelAccount(tenant, ChannelType.INSTAGRAM, instagram.id(), page.accessToken(),
                Map.of(INSTAGRAM_PAGE_ID_SETTING, page.id()));
    }

    /**
     * Finds the Instagram professional account linked to a Page.
     *
     * @param pageId the Page id
     * @param pageToken the Page access token
     * @return the account, empty when none is linked
     * @throws dev.conversa.graph.GraphApiException if Meta refused
     */
    public Optional<InstagramAccount> findInstagramAccount(String pageId, Secret pageToken) {
        JsonNode answer = GraphJson.read(graph.execute(GraphRequest.get("/" + pageId,
                Map.of("fields", "instagram_business_account{id,username}")), pageToken), "the Page");
        return instagram(answer.path("instagram_business_account"));
    }

    /**
     * Subscribes the app to the Page's webhook fields ({@code POST /{page-id}/subscribed_apps}).
     *
     * @param page the Page's account
     * @throws dev.conversa.graph.GraphApiException if Meta refused
     */
    public void subscribe(ChannelAccount page) {
        graph.execute(new GraphRequest("POST", "/" + page.accountId() + "/subscribed_apps",
                Map.of("subscribed_fields", String.join(",", fields)), new byte[0], ""), page.accessToken());
    }

    /**
     * Unsubscribes the app from the Page ({@code DELETE /{page-id}/subscribed_apps}); Meta sends no
     * more webhooks for it. A host running {@code Conversa} need not call it: {@code
     * Conversa.disconnectAccount} (which keeps the conversations) and {@code
     * Conversa.disconnectAccountAndErase} (which erases them) stop processing at once and
     * unsubscribe the Page through {@code MessengerChannel.unsubscribe}.
     *
     * @param page the Page's account
     * @throws dev.conversa.graph.GraphApiException if Meta refused
     */
    public void disconnect(ChannelAccount page) {
        graph.execute(GraphRequest.delete("/" + page.accountId() + "/subscribed_apps", Map.of()), page.accessToken());
    }

    private static ManagedPage page(JsonNode page) {
        List<String> tasks = new ArrayList<>();
        page.path("tasks").forEach(task -> tasks.add(task.asString()));
        String id = GraphJson.text(page, "id").orElseThrow(() -> new ConversaException(
                "the Graph API listed a Page without an id"));
        Secret token = GraphJson.text(page, "access_token").map(Secret::of).orElseThrow(() ->
                new ConversaException("the Graph API listed Page " + id + " without an access token; "
                        + "the user token needs pages_show_list and pages_messaging"));
        return new ManagedPage(id, GraphJson.text(page, "name").orElse(""), token, tasks,
                instagram(page.path("instagram_business_account")));
    }

    private static Optional<InstagramAccount> instagram(JsonNode node) {
        return GraphJson.text(node, "id").map(id -> new InstagramAccount(id, GraphJson.text(node, "username")));
    }

    /** Configures a {@link PageConnector}. Not thread-safe; build once. */
    public static final class Builder {

        private GraphClient graph;
        private List<String> fields = DEFAULT_FIELDS;

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
         * The webhook fields to subscribe Pages to, instead of {@link #DEFAULT_FIELDS}.
         *
         * @param fields the field names; {@link #build()} refuses an empty list
         * @return this builder
         */
        public Builder subscribedFields(List<String> fields) {
            this.fields = List.copyOf(Objects.requireNonNull(fields, "subscribedFields"));
            return this;
        }

        /**
         * Builds the connector.
         *
         * @return the connector
         * @throws IllegalStateException if {@code graph} is missing or {@code subscribedFields} is empty
         */
        public PageConnector build() {
            if (graph == null) {
                throw new IllegalStateException(
                        "graph is required: call PageConnector.builder().graph(GraphClient.builder()...build())");
            }
            if (fields.isEmpty()) {
                throw new IllegalStateException("subscribedFields must hold at least one webhook field, such as"
                        + " \"messages\"; leave it unset for DEFAULT_FIELDS");
            }
            return new PageConnector(this);
        }
    }
}
