package dev.conversa.examples.quickstart;

import com.sun.net.httpserver.HttpServer;
import dev.conversa.Conversa;
import dev.conversa.channel.ChannelAccount;
import dev.conversa.graph.GraphClient;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.respond.RulesResponder;
import dev.conversa.whatsapp.WhatsAppChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The quick start's server as {@link QuickStartKillTest} runs it in a child JVM, to kill it.
 *
 * <p>What it shares with the quick start: the configuration keys and {@link QuickStartConfig},
 * the storage ({@link StorageSetup}: the H2 file {@code ./data/conversa} of the working
 * directory unless {@code CONVERSA_DB_URL} names another database), the webhook endpoint on the
 * JDK {@code HttpServer}, the WhatsApp channel and the shutdown on SIGTERM. What it sets for the
 * test: one WhatsApp account from {@code WHATSAPP_PHONE_NUMBER_ID}, the Graph API at
 * {@code GRAPH_BASE_URL} (the parent's loopback stand-in, which the quick start's live mode cannot
 * point at), a rules bot that answers every message with one text, no burst quiet window, a
 * shorter {@link #LEASE}, and {@code 127.0.0.1} on a free port, written to the file
 * {@code port} of the working directory once the server listens. It stops when the test's JVM
 * goes away, so no server outlives a crashed build.
 */
final class KillTestServer {

    /**
     * The lease on inbox and outbox work: a third of the default, so work the killed process
     * held is taken up soon after the restart, while renewals (every third of it) still keep
     * slow work on a busy machine from being taken over.
     */
    static final Duration LEASE = Duration.ofSeconds(5);
    /** The file, in the working directory, that holds the port once the server listens. */
    static final String PORT_FILE = "port";

    private KillTestServer() {}

    /**
     * Starts the server and runs until the process is stopped.
     *
     * @param args ignored
     * @throws Exception if the server cannot start
     */
    public static void main(String[] args) throws Exception {
        QuickStartConfig config = QuickStartConfig.load(System.getenv());
        StorageSetup storage = StorageSetup.open(config);
        Conversa conversa = Conversa.builder()
                .appSecret(Secret.of(required(config, "META_APP_SECRET")))
                .verifyToken(Secret.of(required(config, "META_VERIFY_TOKEN")))
                .channel(WhatsAppChannel.create())
                .stores(storage.stores())
                .responder(RulesResponder.builder().fallback("Thanks, we will look into it.").build())
                .graphClient(GraphClient.builder().baseUrl(URI.create(required(config, "GRAPH_BASE_URL"))).build())
                .burstQuietWindow(Duration.ZERO)
                .lease(LEASE)
                .build();
        conversa.registerAccount(ChannelAccount.of(QuickStartApp.TENANT, ChannelType.WHATSAPP,
                required(config, "WHATSAPP_PHONE_NUMBER_ID"), Secret.of(required(config, "WHATSAPP_ACCESS_TOKEN"))));
        conversa.start();

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        server.setExecutor(threads);
        server.createContext("/webhook", new JdkWebhookEndpoint(conversa.webhooks()));
        server.start();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            threads.shutdownNow();
            conversa.close();
            storage.close();
            stopped.countDown();
        }, "kill-test-shutdown"));
        ProcessHandle.current().parent().ifPresent(test -> test.onExit().thenRun(() -> System.exit(1)));
        announce(server.getAddress().getPort());
        stopped.await();
    }

    /** Writes the port under another name first, so the parent never reads half a file. */
    private static void announce(int port) throws IOException {
        Path written = Files.writeString(Path.of(PORT_FILE + ".tmp"), Integer.toString(port));
        Files.move(written, Path.of(PORT_FILE), StandardCopyOption.ATOMIC_MOVE);
    }

    private static String required(QuickStartConfig config, String key) {
        return config.get(key).orElseThrow(() -> new IllegalStateException(key + " is required"));
    }
}
