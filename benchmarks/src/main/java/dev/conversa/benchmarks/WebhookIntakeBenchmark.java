package dev.conversa.benchmarks;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.lang.Secret;
import dev.conversa.messenger.MessengerChannel;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import dev.conversa.store.AccountStore;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.testkit.messenger.MessengerWebhook;
import dev.conversa.testkit.whatsapp.WhatsAppCustomer;
import dev.conversa.testkit.whatsapp.WhatsAppMessage;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
import dev.conversa.webhook.WebhookHandler;
import dev.conversa.webhook.WebhookRequest;
import dev.conversa.webhook.WebhookResponse;
import dev.conversa.whatsapp.WhatsAppChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook thread's CPU path against its bare minimum, in one run over the same requests.
 *
 * <ul>
 *   <li>{@code baseline}: what any receiver must do: HMAC-SHA256 of the raw body compared in
 *       constant time with the signature header, and a Jackson 3 tree parse of the body;
 *   <li>{@code newEvent}: {@code WebhookHandler.handle} for a request never seen before: size
 *       check, signature, one parse, normalize, account lookup, erasure and dedup checks, and
 *       the append to an inbox that discards ({@link DiscardingInbox}), so only the CPU path
 *       counts;
 *   <li>{@code redelivery}: Meta delivers the same request again; the front cache answers.
 * </ul>
 *
 * <p>{@code payload} chooses the request: a WhatsApp text (about 750 bytes), a WhatsApp batch of
 * 6 statuses, a WhatsApp batch of 20 messages (about 30 KB), a Messenger text. Requests are
 * signed once per trial, each with a unique message id and a fresh timestamp; each iteration
 * builds a new handler (to which they are all new), and checks that it answers 200 and appends the expected events (a stale timestamp or an unknown
 * account would silently measure the path that drops them). A benchmark that runs out of fresh
 * requests within an iteration fails rather than measure redeliveries, so iterations are short
 * (100 ms, many of them) and the requests few enough not to weigh on the collector.
 *
 * <p>{@code tree} chooses how the channel reads the body: {@code shared}, the tree core parsed
 * (what the shipped channels do); {@code reparse}, the channel parses the payload's bytes again
 * itself, as a third-party channel without access to core's tree must (run it with {@code -p
 * tree=shared,reparse}; the ratio is recorded in {@code docs/architecture.md}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar WebhookIntake -prof gc}; report the
 * ratios {@code newEvent / baseline} and {@code redelivery / baseline} per payload.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 20, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 30, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class WebhookIntakeBenchmark {

    private static final Secret APP_SECRET = Secret.of("benchmark-app-secret");
    private static final TenantId TENANT = TenantId.of("bench");
    private static final String PAGE_ID = "1063";
    /**
     * The bodies signed per trial weigh at most this much, and there are at most this many:
     * enough for one iteration of 100 ms, and no more. Iterations of a second needed 600 MB of
     * requests, and the collector's marking of so large a live set on 2 cores made iterations
     * alternate between 4 and 29 µs for the same work.
     */
    private static final long BODY_BUDGET = 64L << 20;
    private static final int MAX_REQUESTS = 60_000;

    /** The request. */
    @Param({"whatsappText", "whatsappStatuses", "whatsapp20Messages", "messengerText"})
    public String payload;

    /** How the channel reads the body: the tree core parsed, or its own parse of the bytes. */
    @Param({"shared"})
    public String tree;

    private final JsonMapper json = JsonMapper.builder().build();
    private DiscardingInbox inbox;
    private WebhookHandler handler;
    private WebhookRequest[] fresh;
    private WebhookRequest repeated;
    private WebhookRequest first;
    private Mac mac;
    private int nextForHandler;
    private int nextForBaseline;
    private int nextForParts;
    private Instant signedAt;
    private long renewed;

    /**
     * Signs the requests once for the whole trial: each iteration gets a new handler, to which
     * they are all new again.
     *
     * @throws Exception if the MAC cannot be made
     */
    @Setup(Level.Trial)
    public void signRequests() throws Exception {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(APP_SECRET.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        Instant now = Instant.now();
        signedAt = now;
        first = request("first", now);
        repeated = request("repeated", now);
        int count = (int) Math.min(MAX_REQUESTS, BODY_BUDGET / first.body().length);
        fresh = new WebhookRequest[count];
        for (int i = 0; i < count; i++) {
            fresh[i] = request("n" + i, now);
        }
    }

    /**
     * Builds a handler on an in-memory account store and a discarding inbox, and checks that a
     * request is answered 200 with its events appended, and a redelivery with none.
     */
    @Setup(Level.Iteration)
    public void newHandler() {
        inbox = new DiscardingInbox();
        AccountStore accounts = InMemoryStores.create().accounts();
        accounts.save(ChannelAccount.of(TENANT, ChannelType.WHATSAPP, WhatsAppWebhook.PHONE_NUMBER_ID, Secret.of("t")));
        accounts.save(ChannelAccount.of(TENANT, ChannelType.MESSENGER, PAGE_ID, Secret.of("t")));
        WebhookHandler.Builder builder = WebhookHandler.builder()
                .appSecret(APP_SECRET)
                .verifyToken(Secret.of("verify"))
                .accounts(accounts)
                .inbox(inbox);
        boolean reparse = "reparse".equals(tree);
        builder.channel(reparse ? new ReparsingChannel(WhatsAppChannel.create()) : WhatsAppChannel.create());
        builder.channel(reparse ? new ReparsingChannel(MessengerChannel.create()) : MessengerChannel.create());
        handler = builder.build();
        nextForHandler = 0;
        nextForBaseline = 0;
        nextForParts = 0;

        expectAppended(first, eventsPerRequest());
        expectAppended(repeated, eventsPerRequest());
        expectAppended(repeated, 0);
        if (!(baselineOf(first) instanceof JsonNode)) {
            throw new IllegalStateException("the baseline refused a correctly signed request");
        }
    }

    /**
     * The bare minimum: signature check and tree parse.
     *
     * @return the tree
     */
    @Benchmark
    public Object baseline() {
        return baselineOf(next(false));
    }

    /**
     * A request never seen before.
     *
     * @return the response, so the work is not optimized away
     */
    @Benchmark
    public WebhookResponse newEvent() {
        return handler.handle(next(true));
    }

    /**
     * A redelivery of a stored request.
     *
     * @return the response
     */
    @Benchmark
    public WebhookResponse redelivery() {
        return handler.handle(repeated);
    }

    /**
     * Reads the bodies of the next {@code count} fresh requests, so that the path timed next finds
     * them in the processor's cache, as a handler finds a body it has just received.
     *
     * @param count how many requests from the start of the iteration's pool
     * @return a sum of their bytes, to keep the reads from being optimized away
     */
    long touch(int count) {
        long sum = 0;
        for (int i = 0; i < Math.min(count, fresh.length); i++) {
            for (byte b : fresh[i].body()) {
                sum += b;
            }
        }
        return sum;
    }

    /**
     * Replaces the first {@code count} requests of the pool with requests no handler has seen, and
     * starts every path at the first again: so one handler can be kept from round to round, with
     * the tables of a server that has run for a while ({@link IntakeRatio}'s {@code handler=kept}).
     * The redelivered request is a new one too, handled once here, as {@link #newHandler} does.
     *
     * @param count how many requests to sign anew
     */
    void renewRequests(int count) {
        for (int i = 0; i < Math.min(count, fresh.length); i++) {
            fresh[i] = request("r" + renewed++, signedAt);
        }
        nextForHandler = 0;
        nextForBaseline = 0;
        nextForParts = 0;
        // a kept handler's tables forget the redelivered request in the end, as any other: a new one each round
        repeated = request("r" + renewed++, signedAt);
        expectAppended(repeated, eventsPerRequest());
        expectAppended(repeated, 0);
    }

    /**
     * The events the handler appended so far.
     *
     * @return the count
     */
    long appended() {
        return inbox.appended();
    }

    /** The next fresh request for a part of the path ({@link IntakeParts}), from the first after each new handler. */
    WebhookRequest nextForParts() {
        return fresh(nextForParts++);
    }

    private WebhookRequest next(boolean forHandler) {
        return fresh(forHandler ? nextForHandler++ : nextForBaseline++);
    }

    private WebhookRequest fresh(int i) {
        if (i >= fresh.length) {
            throw new IllegalStateException("ran out of fresh requests (" + fresh.length + ") within an iteration: "
                    + "shorten the iteration (-r) or raise the budget, or the benchmark would measure redeliveries");
        }
        return fresh[i];
    }

    private Object baselineOf(WebhookRequest request) {
        byte[] body = request.body();
        byte[] expected = mac.doFinal(body);
        String header = request.header("X-Hub-Signature-256").orElse("");
        byte[] given = header.startsWith("sha256=") ? HexFormat.of().parseHex(header, 7, header.length()) : new byte[0];
        if (!MessageDigest.isEqual(expected, given)) {
            return Boolean.FALSE;
        }
        return json.readTree(body);
    }

    private void expectAppended(WebhookRequest request, int events) {
        long before = inbox.appended();
        int status = handler.handle(request).status();
        long appended = inbox.appended() - before;
        if (status != 200 || appended != events) {
            throw new IllegalStateException(payload + ": expected 200 and " + events + " event(s) appended, got "
                    + status + " and " + appended + ": the benchmark would not measure the intended path");
        }
    }

    int eventsPerRequest() {
        return switch (payload) {
            case "whatsappStatuses" -> 6;
            case "whatsapp20Messages" -> 20;
            default -> 1;
        };
    }

    private WebhookRequest request(String id, Instant now) {
        return switch (payload) {
            case "whatsappText" -> WhatsAppWebhook.builder().at(now)
                    .message(WhatsAppCustomer.withPhone("15551234567", "Ana"),
                            WhatsAppMessage.text("wamid." + id, "Hello! Do you have the blue one in size 38?"))
                    .signed(APP_SECRET);
            case "whatsappStatuses" -> {
                WhatsAppWebhook webhook = WhatsAppWebhook.builder().at(now);
                String[] states = {"sent", "delivered", "read", "sent", "delivered", "read"};
                for (int i = 0; i < states.length; i++) {
                    webhook.status("wamid." + id + "-" + i, "15551234567", states[i]);
                }
                yield webhook.signed(APP_SECRET);
            }
            case "whatsapp20Messages" -> {
                WhatsAppWebhook webhook = WhatsAppWebhook.builder().at(now);
                for (int i = 0; i < 20; i++) {
                    webhook.message(WhatsAppCustomer.withPhone("1555123" + (4000 + i), "Customer " + i),
                            WhatsAppMessage.text("wamid." + id + "-" + i, ("Message " + i
                                    + ": I ordered the blue one in size 38 last week and it has not arrived yet. ")
                                    .repeat(12)));
                }
                yield webhook.signed(APP_SECRET);
            }
            case "messengerText" -> MessengerWebhook.page(PAGE_ID).at(now)
                    .text("6811", "m_" + id, "Hello! Do you have the blue one in size 38?")
                    .signed(APP_SECRET);
            default -> throw new IllegalArgumentException("unknown payload " + payload);
        };
    }
}
