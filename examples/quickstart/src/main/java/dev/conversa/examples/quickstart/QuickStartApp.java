package dev.conversa.examples.quickstart;

import com.sun.net.httpserver.HttpServer;
import dev.conversa.Conversa;
import dev.conversa.agent.Agent;
import dev.conversa.agent.AgentQueue;
import dev.conversa.agent.Presence;
import dev.conversa.channel.ChannelAccount;
import dev.conversa.graph.GraphClient;
import dev.conversa.instagram.InstagramChannel;
import dev.conversa.lang.Secret;
import dev.conversa.messenger.MessengerChannel;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import dev.conversa.respond.Responder;
import dev.conversa.respond.RulesResponder;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.webhook.WebhookHandler;
import dev.conversa.whatsapp.WhatsAppChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running quick start: Conversa, its HTTP server and, in demo mode, the Graph API stand-in.
 * {@link #close()} stops all of them.
 *
 * <p>What the server serves:
 * <ul>
 *   <li>{@code /webhook}, always, with no token: Meta's requests are verified by their signature;
 *   <li>{@code /api/} ({@link ConversationApi}): with {@code CONVERSA_API_TOKEN} set, only to
 *       requests with {@code Authorization: Bearer <token>} ({@link BearerTokenAuthenticator}); in
 *       demo mode without a token, to anyone; with connected accounts and no token, not at all
 *       (404, and a warning at start that names {@code CONVERSA_API_TOKEN});
 *   <li>{@code /api/privacy/} ({@link PrivacyApi}): erase and export one person, served and
 *       guarded as {@code /api/}; off (404) without a privacy pepper;
 *   <li>{@code /meta/} ({@link MetaCallbacks}): Meta's data deletion and deauthorize callbacks and
 *       the deletion status page, with no token: the callbacks are verified by their
 *       {@code signed_request};
 *   <li>{@code /api/agent/} ({@link AgentApi}): the agent inbox's endpoints, served and guarded as
 *       {@code /api/};
 *   <li>the agent inbox page at {@code /inbox} ({@link InboxPage}), always: it holds no data and
 *       signs in to {@code /api/agent/} with the API token (in demo mode without a token it opens
 *       directly); demo mode seeds two queues and two agents;
 *   <li>the demo page at {@code /} and {@code /demo/} ({@link DemoApi}): in demo mode only.
 * </ul>
 * A {@code CONVERSA_API_TOKEN} or {@code CONVERSA_PRIVACY_PEPPER} shorter than 32 characters, or
 * a {@code CONVERSA_PUBLIC_URL} that is not {@code https://}, stops the start before anything is
 * opened.
 *
 * <p>The privacy pepper comes from {@code CONVERSA_PRIVACY_PEPPER}. In demo mode without it one is
 * generated once and kept in the data directory ({@code privacy.pepper}, owner-only, as
 * {@code token.key}). With connected accounts none is generated: a pepper that lives only in a
 * local file is lost with the machine or differs between instances, and a changed pepper silently
 * stops keeping erased people erased. So without it erase and export are off and data deletion
 * requests wait, with a warning at start.
 */
final class QuickStartApp implements AutoCloseable {

    static final TenantId TENANT = TenantId.of("demo");

    private static final Logger LOG = LoggerFactory.getLogger(QuickStartApp.class);

    /** Demo accounts: the ids the page's customers write to. */
    static final Map<ChannelType, String> DEMO_ACCOUNTS = Map.of(
            ChannelType.WHATSAPP, "100000000000001",
            ChannelType.MESSENGER, "200000000000001",
            ChannelType.INSTAGRAM, "300000000000001");

    private final Conversa conversa;
    private final HttpServer server;
    private final ExecutorService serverThreads;
    private final Optional<GraphStandIn> standIn;
    private final StorageSetup storage;

    private QuickStartApp(Conversa conversa, HttpServer server, ExecutorService serverThreads,
            Optional<GraphStandIn> standIn, StorageSetup storage) {
        this.conversa = conversa;
        this.server = server;
        this.serverThreads = serverThreads;
        this.standIn = standIn;
        this.storage = storage;
    }

    static QuickStartApp start(QuickStartConfig config) throws IOException {
        boolean demo = config.demoMode();
        Optional<Secret> apiToken = config.apiToken();
        Optional<String> publicUrl = config.publicUrl();
        Optional<Secret> pepper = privacyPepper(config, demo);
        Optional<GraphStandIn> standIn = demo ? Optional.of(GraphStandIn.start()) : Optional.empty();
        Secret appSecret = demo ? randomSecret() : required(config, "META_APP_SECRET");
        Secret verifyToken = demo
                ? config.get("META_VERIFY_TOKEN").map(Secret::of).orElseGet(QuickStartApp::randomSecret)
                : required(config, "META_VERIFY_TOKEN");
        URI graphUrl = standIn.map(GraphStandIn::baseUrl)
                .orElseGet(() -> URI.create(config.get("GRAPH_BASE_URL").orElse("https://graph.facebook.com")));
        StorageSetup storage = StorageSetup.open(config);
        Conversa.Builder builder = Conversa.builder()
                .appSecret(appSecret)
                .verifyToken(verifyToken)
                .channel(WhatsAppChannel.create())
                .channel(MessengerChannel.create())
                .channel(InstagramChannel.create())
                .stores(storage.stores())
                .responder(responder(config))
                .graphClient(GraphClient.builder().baseUrl(graphUrl).allowInsecureLoopbackForTests(demo).build());
        pepper.ifPresent(builder::privacyPepper);
        Conversa conversa = builder.build();
        registerAccounts(conversa, config, demo);
        conversa.start();

        HttpServer server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        server.setExecutor(threads);
        WebhookHandler webhooks = conversa.webhooks();
        server.createContext("/webhook", new JdkWebhookEndpoint(webhooks));
        if (demo) {
            seedAgents(conversa);
        }
        mountApi(server, new ConversationApi(conversa, TENANT),
                new PrivacyApi(pepper.map(set -> conversa.privacy()), TENANT),
                new AgentApi(conversa, TENANT, Clock.systemUTC()), apiToken, demo);
        server.createContext("/inbox", new InboxPage());
        MetaCallbacks.mount(server, conversa, storage.stores(), appSecret, TENANT,
                demo ? Optional.of(publicUrl.orElse("https://localhost:" + server.getAddress().getPort())) : publicUrl,
                pepper.isPresent());
        if (demo) {
            DemoCustomers customers = new DemoCustomers(webhooks, appSecret, DEMO_ACCOUNTS);
            server.createContext("/demo/", new DemoApi(customers, conversa, standIn.orElseThrow(), TENANT));
            server.createContext("/", new StaticPage());
        }
        server.start();
        if (demo && !server.getAddress().getAddress().isLoopbackAddress()) {
            LOG.warn("Demo mode listens on {} (CONVERSA_HOST): anyone who can reach it can use the demo page and "
                    + "/demo/, and make the bot answer (on your OpenAI or Anthropic account if a key is set)", config.host());
        }
        return new QuickStartApp(conversa, server, threads, standIn, storage);
    }

    /**
     * Mounts {@code /api/} and {@code /api/privacy/}: behind the bearer token when
     * {@code CONVERSA_API_TOKEN} is set; open in demo mode without one (the data are the demo's,
     * and demo mode listens on loopback by default); not at all with connected accounts and no
     * token, where it would show real customers' data to anyone.
     */
    private static void mountApi(HttpServer server, ConversationApi api, PrivacyApi privacy, AgentApi agents,
            Optional<Secret> token, boolean demo) {
        if (token.isPresent()) {
            BearerTokenAuthenticator authenticator = new BearerTokenAuthenticator(token.get());
            server.createContext("/api/", api).setAuthenticator(authenticator);
            server.createContext("/api/privacy/", privacy).setAuthenticator(authenticator);
            server.createContext("/api/agent/", agents).setAuthenticator(authenticator);
            LOG.info("/api/ requires the header Authorization: Bearer <CONVERSA_API_TOKEN>");
        } else if (demo) {
            server.createContext("/api/", api);
            server.createContext("/api/privacy/", privacy);
            server.createContext("/api/agent/", agents);
        } else {
            LOG.warn("/api/ is off: it shows customers' names, numbers and messages, so with connected accounts it "
                    + "needs a token. Set CONVERSA_API_TOKEN (at least {} characters, e.g. openssl rand -hex 32) "
                    + "and call it with Authorization: Bearer <token>", QuickStartConfig.MIN_API_TOKEN_LENGTH);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The address the server listens on, such as {@code 127.0.0.1}; {@code 0.0.0.0} for all interfaces. */
    String host() {
        InetSocketAddress address = server.getAddress();
        return address.getAddress().isAnyLocalAddress() ? "0.0.0.0" : address.getHostString();
    }

    boolean demoMode() {
        return standIn.isPresent();
    }

    Conversa conversa() {
        return conversa;
    }

    @Override
    public void close() {
        server.stop(0);
        serverThreads.shutdownNow();
        conversa.close();
        standIn.ifPresent(GraphStandIn::close);
        storage.close();
    }

    /**
     * The privacy pepper: {@code CONVERSA_PRIVACY_PEPPER}; in demo mode without it, the one kept in
     * the data directory (generated on the first start); with connected accounts without it,
     * none (see the class comment), with a warning.
     */
    private static Optional<Secret> privacyPepper(QuickStartConfig config, boolean demo) throws IOException {
        Optional<Secret> pepper = config.privacyPepper();
        if (pepper.isPresent()) {
            return pepper;
        }
        if (demo) {
            return Optional.of(Secret.of(DataDirectory.open(config.dataDirectory()).privacyPepper()));
        }
        LOG.warn("Erase and export of a person (/api/privacy/) are off and Meta's data deletion requests are not carried "
                + "out: set CONVERSA_PRIVACY_PEPPER (at least {} characters, e.g. openssl rand -hex 32), the same on "
                + "every instance and kept across restarts and backups", QuickStartConfig.MIN_PRIVACY_PEPPER_LENGTH);
        return Optional.empty();
    }

    /** Demo mode: two queues (support, the default, and sales) and two agents online. */
    private static void seedAgents(Conversa conversa) {
        conversa.agents().saveQueue(AgentQueue.of(TENANT, "support", "Support").asDefault());
        conversa.agents().saveQueue(AgentQueue.of(TENANT, "sales", "Sales"));
        conversa.agents().save(Agent.builder().tenant(TENANT).id("ana").displayName("Ana").queue("support")
                .queue("sales").presence(Presence.ONLINE).maxConversations(5).build());
        conversa.agents().save(Agent.builder().tenant(TENANT).id("bea").displayName("Bea").queue("support")
                .presence(Presence.ONLINE).maxConversations(5).build());
    }

    private static void registerAccounts(Conversa conversa, QuickStartConfig config, boolean demo) {
        if (demo) {
            DEMO_ACCOUNTS.forEach((channel, id) -> conversa.registerAccount(
                    ChannelAccount.of(TENANT, channel, id, Secret.of("demo-token-" + channel.value()))));
            return;
        }
        Optional<String> appUser = config.get("META_APP_USER_ID");
        Consumer<ChannelAccount> register = account -> conversa.registerAccount(
                appUser.map(account::withAppUserId).orElse(account));
        account(config, ChannelType.WHATSAPP, "WHATSAPP_PHONE_NUMBER_ID", "WHATSAPP_ACCESS_TOKEN")
                .ifPresent(register);
        account(config, ChannelType.MESSENGER, "MESSENGER_PAGE_ID", "MESSENGER_PAGE_TOKEN")
                .ifPresent(register);
        account(config, ChannelType.INSTAGRAM, "INSTAGRAM_ACCOUNT_ID", "INSTAGRAM_ACCESS_TOKEN")
                .map(account -> new ChannelAccount(account.tenant(), account.channel(), account.accountId(),
                        account.accessToken(), instagramSettings(config)))
                .ifPresent(register);
    }

    private static Optional<ChannelAccount> account(QuickStartConfig config, ChannelType channel, String idKey,
            String tokenKey) {
        return config.get(idKey).map(id -> ChannelAccount.of(TENANT, channel, id, required(config, tokenKey)));
    }

    /** Instagram Login accounts send through graph.instagram.com; Page-linked ones through their Page. */
    private static Map<String, String> instagramSettings(QuickStartConfig config) {
        Map<String, String> settings = new java.util.HashMap<>();
        config.get("INSTAGRAM_LOGIN").ifPresent(login -> settings.put(InstagramChannel.LOGIN_SETTING, login));
        config.get("INSTAGRAM_PAGE_ID").ifPresent(page -> settings.put(InstagramChannel.PAGE_ID_SETTING, page));
        return settings;
    }

    /**
     * The bot's responder: LangChain4j over Anthropic when {@code CONVERSA_AI=langchain4j-anthropic},
     * OpenAI when {@code OPENAI_API_KEY} is set, else the rules.
     */
    static Responder responder(QuickStartConfig config) {
        String ai = config.get("CONVERSA_AI").orElse("openai");
        if (ai.equals("langchain4j-anthropic")) {
            Secret key = Secret.of(config.get("ANTHROPIC_API_KEY").orElseThrow(() -> new IllegalStateException(
                    "ANTHROPIC_API_KEY is required when CONVERSA_AI=langchain4j-anthropic")));
            return LangChain4jSetup.anthropic(key, config.get("ANTHROPIC_MODEL"), config.get("ANTHROPIC_BASE_URL"));
        }
        if (!ai.equals("openai")) {
            throw new IllegalStateException("CONVERSA_AI must be openai or langchain4j-anthropic; got " + ai);
        }
        Optional<String> apiKey = config.get("OPENAI_API_KEY");
        if (apiKey.isPresent()) {
            return OpenAiSetup.responder(Secret.of(apiKey.get()), config.get("OPENAI_BASE_URL"));
        }
        Properties rules = new Properties();
        try (InputStream in = QuickStartApp.class.getResourceAsStream("/quickstart/rules.properties")) {
            rules.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RulesResponder.fromProperties(rules);
    }

    private static Secret required(QuickStartConfig config, String key) {
        return Secret.of(config.get(key).orElseThrow(() -> new IllegalStateException(
                key + " is required when connected accounts are configured; unset the account variables for demo mode")));
    }

    private static Secret randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Secret.of(HexFormat.of().formatHex(bytes));
    }
}
