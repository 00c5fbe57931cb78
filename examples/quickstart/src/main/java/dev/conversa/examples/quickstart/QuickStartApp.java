package dev.conversa.examples.quickstart;

import com.sun.net.httpserver.HttpServer;
import dev.conversa.Conversa;
import dev.conversa.Secret;
import dev.conversa.channel.ChannelAccount;
import dev.conversa.graph.GraphClient;
import dev.conversa.instagram.InstagramChannel;
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
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The running quick start: Conversa, its HTTP server and, in demo mode, the Graph API stand-in.
 * {@link #close()} stops all of them.
 */
final class QuickStartApp implements AutoCloseable {

    static final TenantId TENANT = TenantId.of("demo");

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
        Optional<GraphStandIn> standIn = demo ? Optional.of(GraphStandIn.start()) : Optional.empty();
        Secret appSecret = demo ? randomSecret() : required(config, "META_APP_SECRET");
        Secret verifyToken = demo
                ? config.get("META_VERIFY_TOKEN").map(Secret::of).orElseGet(QuickStartApp::randomSecret)
                : required(config, "META_VERIFY_TOKEN");
        URI graphUrl = standIn.map(GraphStandIn::baseUrl)
                .orElseGet(() -> URI.create(config.get("GRAPH_BASE_URL").orElse("https://graph.facebook.com")));
        StorageSetup storage = StorageSetup.open(config);
        Conversa conversa = Conversa.builder()
                .appSecret(appSecret)
                .verifyToken(verifyToken)
                .channel(WhatsAppChannel.create())
                .channel(MessengerChannel.create())
                .channel(InstagramChannel.create())
                .stores(storage.stores())
                .responder(responder(config))
                .graphClient(GraphClient.builder().baseUrl(graphUrl).allowInsecureLoopbackForTests(demo).build())
                .build();
        registerAccounts(conversa, config, demo);
        conversa.start();

        HttpServer server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        server.setExecutor(threads);
        WebhookHandler webhooks = conversa.webhooks();
        server.createContext("/webhook", new JdkWebhookEndpoint(webhooks));
        server.createContext("/api/", new ConversationApi(conversa, TENANT));
        if (demo) {
            DemoCustomers customers = new DemoCustomers(webhooks, appSecret, DEMO_ACCOUNTS);
            server.createContext("/demo/", new DemoApi(customers, conversa, standIn.orElseThrow(), TENANT));
        }
        server.createContext("/", new StaticPage(demo));
        server.start();
        return new QuickStartApp(conversa, server, threads, standIn, storage);
    }

    int port() {
        return server.getAddress().getPort();
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

    private static void registerAccounts(Conversa conversa, QuickStartConfig config, boolean demo) {
        if (demo) {
            DEMO_ACCOUNTS.forEach((channel, id) -> conversa.registerAccount(
                    ChannelAccount.of(TENANT, channel, id, Secret.of("demo-token-" + channel.value()))));
            return;
        }
        account(config, ChannelType.WHATSAPP, "WHATSAPP_PHONE_NUMBER_ID", "WHATSAPP_ACCESS_TOKEN")
                .ifPresent(conversa::registerAccount);
        account(config, ChannelType.MESSENGER, "MESSENGER_PAGE_ID", "MESSENGER_PAGE_TOKEN")
                .ifPresent(conversa::registerAccount);
        account(config, ChannelType.INSTAGRAM, "INSTAGRAM_ACCOUNT_ID", "INSTAGRAM_ACCESS_TOKEN")
                .map(account -> new ChannelAccount(account.tenant(), account.channel(), account.accountId(),
                        account.accessToken(), instagramSettings(config)))
                .ifPresent(conversa::registerAccount);
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

    private static Responder responder(QuickStartConfig config) {
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
