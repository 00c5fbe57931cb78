package dev.conversa.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.conversa.Conversa;
import dev.conversa.channel.ChannelAccount;
import dev.conversa.graph.GraphClient;
import dev.conversa.instagram.InstagramChannel;
import dev.conversa.lang.Secret;
import dev.conversa.messenger.MessengerChannel;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import dev.conversa.respond.Reply;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.testsupport.TestSignatures;
import dev.conversa.webhook.WebhookRequest;
import dev.conversa.webhook.WebhookResponse;
import dev.conversa.whatsapp.WhatsAppChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the webhook path of a {@link Conversa} with the WhatsApp, Messenger and Instagram
 * channels (issue #14). The harness signs every fuzzed body with the app secret, so the input
 * passes the signature check and reaches the JSON parser, the routing by {@code "object"}, the
 * channel's normalizer and the intake (the accounts of the seeds are registered, so their events
 * reach the inbox). A failure is any 5xx (the handler turns an undeclared exception into a 500),
 * any status other than 200 and 400 (a malformed body; 401 for the empty body), any exception or error thrown out of the
 * handler, and any input that takes longer than {@link #HANG}.
 *
 * <p>In {@code mvn verify} Jazzer runs the regression inputs of
 * {@code src/test/resources/dev/conversa/fuzz/WebhookFuzzTestInputs/webhookPath} (seeded with our
 * channel fixtures) without fuzzing. To fuzz: {@code JAZZER_FUZZ=1 mvn -o -pl channels-instagram
 * verify -Dtest=WebhookFuzzTest}; findings land in that directory and stay as regression inputs.
 * See {@code docs/reliability.md}.
 */
class WebhookFuzzTest {

    static final String APP_SECRET = "fuzz-app-secret";
    static final Duration HANG = Duration.ofSeconds(5);
    /** The stores are in memory: a fresh runtime every so many inputs keeps a long run's memory bounded. */
    private static final int INPUTS_PER_RUNTIME = 20_000;
    private static final Set<Integer> DECLARED = Set.of(200, 400);
    /** Shortly after the events of the seeds (their WhatsApp timestamps moved to the same day), inside the replay window. */
    private static final Clock SEEDS_TIME = Clock.fixed(Instant.parse("2024-11-23T12:05:00Z"), ZoneOffset.UTC);

    private static Conversa conversa;
    private static int inputs;

    @FuzzTest(maxDuration = "5m")
    void webhookPath(byte[] body) {
        WebhookRequest request = WebhookRequest.builder()
                .method("POST")
                .header("X-Hub-Signature-256", TestSignatures.sign(body, APP_SECRET))
                .header("Content-Type", "application/json")
                .body(body)
                .build();
        Conversa runtime = runtime();
        long start = System.nanoTime();
        WebhookResponse response = runtime.webhooks().handle(request);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        boolean declared = DECLARED.contains(response.status())
                || body.length == 0 && response.status() == 401; // an empty body has nothing signed
        if (!declared) {
            throw new AssertionError("webhook answered " + response.status() + " ("
                    + new String(response.body(), StandardCharsets.UTF_8) + ") to a signed body");
        }
        if (took.compareTo(HANG) > 0) {
            throw new AssertionError("webhook took " + took.toMillis() + " ms for a body of " + body.length + " bytes");
        }
    }

    /** The harness reaches past the normalizers: the seeds' events of registered accounts are stored. */
    @Test
    void theSeedsReachTheInboxOfEveryChannel() throws Exception {
        // given
        Stores stores = InMemoryStores.create();
        Conversa runtime = newRuntime(stores);
        Path inputs = Path.of(getClass().getResource("WebhookFuzzTestInputs/webhookPath").toURI());
        List<Path> seeds;
        try (var files = Files.list(inputs)) {
            // the seeds are named after their channel; what fuzzing found is kept under other names
            seeds = files.filter(file -> file.getFileName().toString().matches("(whatsapp|messenger|instagram)_.*"))
                    .sorted().toList();
        }

        // when
        for (Path seed : seeds) {
            byte[] body = Files.readAllBytes(seed);
            WebhookResponse response = runtime.webhooks().handle(WebhookRequest.builder().method("POST")
                    .header("X-Hub-Signature-256", TestSignatures.sign(body, APP_SECRET)).body(body).build());
            assertThat(response.status()).as(seed.getFileName().toString()).isEqualTo(200);
        }

        // then
        List<InboxEntry> stored = stores.inbox().claim("check", 1_000, Duration.ofMinutes(1), SEEDS_TIME.instant());
        assertThat(stored).extracting(entry -> entry.conversation().channel()).contains(
                ChannelType.WHATSAPP, ChannelType.MESSENGER, ChannelType.INSTAGRAM);
    }

    private static synchronized Conversa runtime() {
        if (conversa == null || ++inputs % INPUTS_PER_RUNTIME == 0) {
            conversa = newRuntime(InMemoryStores.create());
        }
        return conversa;
    }

    private static Conversa newRuntime(Stores stores) {
        Conversa runtime = Conversa.builder()
                .appSecret(Secret.of(APP_SECRET))
                .verifyToken(Secret.of("fuzz-verify"))
                .stores(stores)
                .channel(WhatsAppChannel.create())
                .channel(MessengerChannel.create())
                .channel(InstagramChannel.create())
                .responder(request -> Reply.silence())
                .graphClient(GraphClient.builder().build())
                .clock(SEEDS_TIME)
                .build();
        TenantId tenant = TenantId.of("fuzz");
        // the accounts of the seed fixtures, so that their events pass the account lookup
        for (String id : new String[] {"106540352242922", "102290129340398"}) {
            runtime.registerAccount(ChannelAccount.of(tenant, ChannelType.WHATSAPP, id, Secret.of("token")));
        }
        runtime.registerAccount(ChannelAccount.of(tenant, ChannelType.MESSENGER, "106372929211384", Secret.of("token")));
        runtime.registerAccount(ChannelAccount.of(tenant, ChannelType.INSTAGRAM, "17841405822304914",
                Secret.of("token")));
        // loads (and in fuzzing mode instruments) the classes of the path, outside the time bound of an input
        byte[] warmUp = "{\"object\":\"page\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);
        runtime.webhooks().handle(WebhookRequest.builder().method("POST")
                .header("X-Hub-Signature-256", TestSignatures.sign(warmUp, APP_SECRET)).body(warmUp).build());
        return runtime;
    }
}
