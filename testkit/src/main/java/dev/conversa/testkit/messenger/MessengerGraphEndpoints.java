package dev.conversa.testkit.messenger;

import dev.conversa.testkit.GraphStandIn;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Teaches a {@link GraphStandIn} the Messenger Platform endpoints beyond the Send API (which it
 * answers already): the Page list, the Page's linked Instagram account, webhook subscription,
 * attachment upload, user profiles and the handover protocol. Errors come from the stand-in's own
 * queue, for example {@link GraphStandIn#expiredTokenNext()}.
 *
 * <pre>{@code
 * try (GraphStandIn graph = GraphStandIn.start()) {
 *     MessengerGraphEndpoints.of(graph).page("1063", "Acme", "page-token", "178414").profile("Ana Silva", "ana")
 *         .install();
 * }
 * }</pre>
 *
 * <p>Not thread-safe; configure, then install once.
 */
public final class MessengerGraphEndpoints {

    private static final String VERSION = "/v\\d+\\.\\d+";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GraphStandIn graph;
    private String pageId = "100000000000001";
    private String pageName = "Test Page";
    private String pageToken = "test-page-token";
    private String instagramId;
    private String profileName = "Test User";
    private String profileUsername = "test.user";

    private MessengerGraphEndpoints(GraphStandIn graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    /**
     * Starts configuring the endpoints of a stand-in.
     *
     * @param graph the running stand-in
     * @return the configuration
     */
    public static MessengerGraphEndpoints of(GraphStandIn graph) {
        return new MessengerGraphEndpoints(graph);
    }

    /**
     * The one Page the user administers, as {@code GET /me/accounts} lists it.
     *
     * @param id the Page id
     * @param name the Page name
     * @param token the Page access token it returns
     * @param linkedInstagramId the linked Instagram account id, or null for none
     * @return this configuration
     */
    public MessengerGraphEndpoints page(String id, String name, String token, String linkedInstagramId) {
        this.pageId = Objects.requireNonNull(id, "id");
        this.pageName = Objects.requireNonNull(name, "name");
        this.pageToken = Objects.requireNonNull(token, "token");
        this.instagramId = linkedInstagramId;
        return this;
    }

    /**
     * The profile every user lookup returns.
     *
     * @param name the name
     * @param username the Instagram username
     * @return this configuration
     */
    public MessengerGraphEndpoints profile(String name, String username) {
        this.profileName = Objects.requireNonNull(name, "name");
        this.profileUsername = Objects.requireNonNull(username, "username");
        return this;
    }

    /**
     * Adds the answers to the stand-in.
     *
     * @return the stand-in
     */
    public GraphStandIn install() {
        String success = "{\"success\":true}";
        graph.answer("GET", VERSION + "/[^/]+", 200, profileJson());
        graph.answer("GET", VERSION + "/" + pageId, 200, pageJson(false));
        graph.answer("GET", VERSION + "/me/accounts", 200, "{\"data\":[" + pageJson(true) + "],"
                + "\"paging\":{\"cursors\":{\"before\":\"QVFIUjE\",\"after\":\"QVFIUjE\"}}}");
        graph.answer("POST", VERSION + "/[^/]+/subscribed_apps", 200, success);
        graph.answer("DELETE", VERSION + "/[^/]+/subscribed_apps", 200, success);
        graph.answer("POST", VERSION + "/[^/]+/(pass|take|request)_thread_control", 200, success);
        return graph.answer("POST", VERSION + "/[^/]+/message_attachments", 200,
                "{\"attachment_id\":\"1857777774821032\"}");
    }

    private String profileJson() {
        return JSON.createObjectNode().put("name", profileName).put("username", profileUsername).toString();
    }

    private String pageJson(boolean withToken) {
        ObjectNode page = JSON.createObjectNode().put("id", pageId);
        if (withToken) {
            page.put("name", pageName).put("access_token", pageToken);
            page.putArray("tasks").add("MESSAGING").add("MANAGE");
        }
        if (instagramId != null) {
            page.putObject("instagram_business_account").put("id", instagramId);
        }
        return page.toString();
    }
}
