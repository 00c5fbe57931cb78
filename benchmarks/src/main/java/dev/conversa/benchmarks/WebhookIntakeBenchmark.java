package dev.conversa.benchmarks;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.testkit.whatsapp.WhatsAppCustomer;
import dev.conversa.testkit.whatsapp.WhatsAppMessage;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
import dev.conversa.webhook.WebhookHandler;
import dev.conversa.webhook.WebhookRequest;
import dev.conversa.webhook.WebhookResponse;
import dev.conversa.whatsapp.WhatsAppChannel;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The webhook thread's whole job for one WhatsApp text message: size check, signature over the
 * raw bytes, one parse, normalize, account lookup, dedup and the in-memory inbox append.
 *
 * <ul>
 *   <li>{@code newMessage}: a message never seen before (pre-signed in setup, so signing is not
 *       measured);
 *   <li>{@code redelivery}: Meta delivers the same message again; the front cache answers.
 * </ul>
 *
 * <p>{@code tree} chooses how the channel reads the body: {@code shared}, the tree core parsed
 * (what the shipped channels do); {@code reparse}, the channel parses the payload's bytes again
 * itself, as a third-party channel without access to core's tree must. The ratio of the two is
 * the cost recorded in {@code docs/architecture.md}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar WebhookIntake}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WebhookIntakeBenchmark {

    private static final int PAYLOADS = 400_000;
    private static final Secret APP_SECRET = Secret.of("benchmark-app-secret");

    /** How the channel reads the body: the tree core parsed, or its own parse of the bytes. */
    @Param({"shared", "reparse"})
    public String tree;

    private WebhookHandler handler;
    private WebhookRequest[] fresh;
    private WebhookRequest repeated;
    private int next;

    /** Builds a handler on fresh in-memory stores and signs the payloads of one iteration. */
    @Setup(Level.Iteration)
    public void setUp() {
        Stores stores = InMemoryStores.create();
        stores.accounts().save(ChannelAccount.of(TenantId.of("bench"), ChannelType.WHATSAPP,
                WhatsAppWebhook.PHONE_NUMBER_ID, Secret.of("token")));
        handler = WebhookHandler.builder()
                .appSecret(APP_SECRET)
                .verifyToken(Secret.of("verify"))
                .channel("reparse".equals(tree) ? new ReparsingChannel(WhatsAppChannel.create())
                        : WhatsAppChannel.create())
                .accounts(stores.accounts())
                .inbox(stores.inbox())
                .build();
        Instant now = Instant.now();
        fresh = new WebhookRequest[PAYLOADS];
        for (int i = 0; i < PAYLOADS; i++) {
            fresh[i] = payload("wamid.BENCH" + i, now);
        }
        repeated = payload("wamid.REPEATED", now);
        handler.handle(repeated);
        next = 0;
    }

    /**
     * A message never seen before.
     *
     * @return the response, so the work is not optimized away
     */
    @Benchmark
    public WebhookResponse newMessage() {
        return handler.handle(fresh[next++ % PAYLOADS]);
    }

    /**
     * A redelivery of a stored message.
     *
     * @return the response
     */
    @Benchmark
    public WebhookResponse redelivery() {
        return handler.handle(repeated);
    }

    private static WebhookRequest payload(String messageId, Instant now) {
        return WhatsAppWebhook.builder().at(now)
                .message(WhatsAppCustomer.withPhone("15551234567", "Ana"),
                        WhatsAppMessage.text(messageId, "Hello! Do you have the blue one in size 38?"))
                .signed(APP_SECRET);
    }
}
