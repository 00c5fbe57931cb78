package dev.conversa.jdbc.crash;

import dev.conversa.Conversa;
import dev.conversa.channel.ChannelAccount;
import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.SendRequest;
import dev.conversa.channel.SendResult;
import dev.conversa.channel.WebhookPayload;
import dev.conversa.graph.GraphClient;
import dev.conversa.graph.GraphRequest;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import dev.conversa.respond.Reply;
import dev.conversa.respond.Responder;
import dev.conversa.store.Stores;
import dev.conversa.testsupport.AcceptingGraph;
import dev.conversa.testsupport.EchoTestChannel;
import dev.conversa.testsupport.TestSignatures;
import dev.conversa.webhook.WebhookResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * One Conversa process on a shared database: the real webhook handler, dispatcher, pipeline and
 * outbox sender, with a rules-free responder that answers the unanswered messages by id
 * ({@code "re:m1,m2"}) and a channel that tells the {@link Ledger} what the customer received.
 * It can be told to die at a dangerous point: inside the responder's n-th call, or right after
 * the channel accepted its n-th message and before the outbox recorded it. Dying is a
 * {@link Killable#kill()}: none of its threads reaches the database again.
 */
final class CrashingProcess implements AutoCloseable {

    static final TenantId TENANT = TenantId.of("crash-shop");
    static final String ACCOUNT = "acct-crash";
    static final String APP_SECRET = "crash-app-secret";
    static final Duration LEASE = Duration.ofSeconds(1);

    private final Killable killable;
    private final Conversa conversa;
    private final AtomicInteger responderCalls = new AtomicInteger();
    private final AtomicInteger acceptedSends = new AtomicInteger();
    private final ExecutorService intake = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "crash-test-intake");
        thread.setDaemon(true);
        return thread;
    });

    private CrashingProcess(Stores database, Clock clock, Ledger ledger, int dieInResponderCall, int dieAfterSend) {
        this.killable = new Killable(database);
        Responder responder = request -> {
            if (responderCalls.incrementAndGet() == dieInResponderCall) {
                die();
            }
            return Reply.text("re:" + request.unanswered().stream().map(MessageRecord::messageId)
                    .collect(Collectors.joining(",")));
        };
        this.conversa = Conversa.builder()
                .appSecret(Secret.of(APP_SECRET))
                .verifyToken(Secret.of("verify"))
                .channel(new LedgerChannel(ledger, () -> {
                    if (acceptedSends.incrementAndGet() == dieAfterSend) {
                        die();
                    }
                }))
                .stores(killable.stores())
                .responder(responder)
                .graphClient(new AcceptingGraph())
                .clock(clock)
                .lease(LEASE)
                .concurrency(4)
                .burstQuietWindow(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10))
                .build();
        conversa.registerAccount(ChannelAccount.of(TENANT, EchoTestChannel.TYPE, ACCOUNT, Secret.of("token")));
    }

    /** A process that never dies. */
    static CrashingProcess healthy(Stores database, Clock clock, Ledger ledger) {
        return new CrashingProcess(database, clock, ledger, -1, -1);
    }

    /** A process that dies inside its n-th call of the responder. */
    static CrashingProcess dyingInResponder(int call, Stores database, Clock clock, Ledger ledger) {
        return new CrashingProcess(database, clock, ledger, call, -1);
    }

    /** A process that dies right after the channel accepted its n-th message, before recording it. */
    static CrashingProcess dyingAfterChannelAccepted(int send, Stores database, Clock clock, Ledger ledger) {
        return new CrashingProcess(database, clock, ledger, -1, send);
    }

    /** A process that dies right after it acknowledged webhooks, before its workers took any. */
    static CrashingProcess dyingAfterIntake(Stores database, Clock clock, Ledger ledger) {
        return new CrashingProcess(database, clock, ledger, -1, -1);
    }

    CrashingProcess start() {
        conversa.start();
        return this;
    }

    /**
     * Delivers a customer's message as Meta does, on the process's own intake thread; true if it
     * was acknowledged with 200. A dead process acknowledges nothing (Meta gets no answer, and
     * delivers again later).
     */
    boolean deliver(String eventId, String customer, Instant at) {
        if (isDead()) {
            return false;
        }
        String json = EchoTestChannel.payload(ACCOUNT, eventId, customer, at, "message " + eventId);
        Future<WebhookResponse> answer = intake.submit(
                () -> conversa.webhooks().handle(TestSignatures.signedPost(json, APP_SECRET)));
        try {
            return answer.get(5, TimeUnit.SECONDS).status() == 200;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void die() {
        killable.kill();
        killable.parkForever();
    }

    void kill() {
        killable.kill();
    }

    boolean isDead() {
        return killable.isDead();
    }

    @Override
    public void close() {
        intake.shutdown();
        if (killable.isDead()) {
            killable.bury();
        } else {
            conversa.close();
        }
    }

    /** The channel: reads the test webhooks, sends by one request, tells the ledger. */
    private static final class LedgerChannel implements ChannelAdapter {

        private final EchoTestChannel reader = new EchoTestChannel();
        private final Ledger ledger;
        private final Runnable accepted;

        LedgerChannel(Ledger ledger, Runnable accepted) {
            this.ledger = ledger;
            this.accepted = accepted;
        }

        @Override
        public ChannelType type() {
            return EchoTestChannel.TYPE;
        }

        @Override
        public String webhookObject() {
            return EchoTestChannel.OBJECT;
        }

        @Override
        public List<InboundEvent> normalize(WebhookPayload payload) {
            return reader.normalize(payload);
        }

        @Override
        public SendResult send(SendRequest request, GraphClient graph) {
            graph.execute(GraphRequest.postJson("/" + request.account().accountId() + "/messages", "{}"),
                    request.account().accessToken());
            if (!(request.message().content() instanceof Text text)) {
                return SendResult.marker();
            }
            ledger.received(request.message().to().contactId(), text.body());
            accepted.run();
            return SendResult.sent("out-" + UUID.randomUUID());
        }

        @Override
        public ChannelCapabilities capabilities() {
            return ChannelCapabilities.builder()
                    .maxTextLength(4096)
                    .maxButtons(3)
                    .maxButtonTitleLength(20)
                    .maxListRows(10)
                    .maxQuickReplies(13)
                    .replyWindow(Duration.ofHours(24))
                    .build();
        }
    }
}
