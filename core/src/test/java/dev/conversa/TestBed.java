package dev.conversa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.graph.GraphClient;
import dev.conversa.lang.Secret;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import dev.conversa.store.OutboxState;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.testsupport.AcceptingGraph;
import dev.conversa.testsupport.EchoTestChannel;
import dev.conversa.testsupport.MutableClock;
import dev.conversa.testsupport.TestSignatures;
import dev.conversa.webhook.WebhookResponse;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A running {@link Conversa} on in-memory stores, a mutable clock and a {@link ScriptedChannel},
 * with one registered account, for tests of the whole flow. Close it after the test.
 */
final class TestBed implements AutoCloseable {

    static final String APP_SECRET = "test-app-secret";
    static final TenantId TENANT = TenantId.of("shop");
    static final String ACCOUNT = "acct-1";

    final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    final Stores stores;
    final ScriptedChannel channel;
    final AcceptingGraph graph = new AcceptingGraph();
    final Conversa conversa;

    TestBed(UnaryOperator<Conversa.Builder> configure) {
        this(InMemoryStores.create(), configure, true);
    }

    /** A started bed on in-memory stores whose channel declares other capabilities. */
    TestBed(ScriptedChannel channel, UnaryOperator<Conversa.Builder> configure) {
        this(InMemoryStores.create(), channel, configure, true);
    }

    /**
     * A bed on given stores, started or not (a test that prepares the stores first, as a
     * process that stopped would have left them, starts it with {@code conversa.start()}).
     */
    TestBed(Stores stores, UnaryOperator<Conversa.Builder> configure, boolean start) {
        this(stores, new ScriptedChannel(), configure, start);
    }

    /** A bed on given stores, started or not, with this channel. */
    TestBed(Stores stores, ScriptedChannel channel, UnaryOperator<Conversa.Builder> configure,
            boolean start) {
        this.stores = stores;
        this.channel = channel;
        Conversa.Builder builder = Conversa.builder()
                .appSecret(Secret.of(APP_SECRET))
                .verifyToken(Secret.of("verify"))
                .channel(channel)
                .stores(stores)
                .clock(clock)
                .graphClient(graph)
                .pollInterval(Duration.ofMillis(10));
        conversa = configure.apply(builder).build();
        conversa.registerAccount(ChannelAccount.of(TENANT, EchoTestChannel.TYPE, ACCOUNT, Secret.of("token")));
        if (start) {
            conversa.start();
        }
    }

    static ConversationKey key(String contact) {
        return new ConversationKey(EchoTestChannel.TYPE, ACCOUNT, contact);
    }

    /** Posts a signed webhook with one text message from a customer, timed now, and expects 200. */
    void deliver(String eventId, String from, String text) {
        String json = EchoTestChannel.payload(ACCOUNT, eventId, from, clock.instant(), text);
        WebhookResponse response = conversa.webhooks().handle(TestSignatures.signedPost(json, APP_SECRET));
        assertThat(response.status()).isEqualTo(200);
    }

    /** Waits until no inbox or outbox work is left, so no further reply can come. */
    void awaitIdle() {
        org.awaitility.Awaitility.await().untilAsserted(() -> {
            assertThat(stores.inbox().pendingCount()).isZero();
            assertThat(stores.outbox().list(TENANT, OutboxState.PENDING, 10)).isEmpty();
            assertThat(stores.outbox().list(TENANT, OutboxState.SENDING, 10)).isEmpty();
        });
    }

    @Override
    public void close() {
        conversa.close();
    }
}
