package dev.conversa.webhook;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.channel.ChannelAdapter;
import dev.conversa.lang.Secret;
import dev.conversa.model.TenantId;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.testsupport.EchoTestChannel;
import dev.conversa.testsupport.MutableClock;
import dev.conversa.testsupport.TestSignatures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A handler over in-memory stores with one registered test account, for the webhook tests. */
final class IntakeFixture {

    static final String APP_SECRET = "app-secret-one";
    static final String VERIFY_TOKEN = "verify-token-1";
    static final String ACCOUNT = "acct";
    static final TenantId TENANT = TenantId.of("acme");
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final Instant RECENT = NOW.minusSeconds(30);

    final Stores stores = InMemoryStores.create();
    final MutableClock clock = MutableClock.at(NOW);
    final List<List<InboxEntry>> appended = new CopyOnWriteArrayList<>();

    IntakeFixture() {
        stores.accounts().save(ChannelAccount.of(TENANT, EchoTestChannel.TYPE, ACCOUNT, Secret.of("page-token")));
    }

    WebhookHandler.Builder builder() {
        return builder(new EchoTestChannel());
    }

    /** The fixture's handler with another adapter of the echo test channel's object. */
    WebhookHandler.Builder builder(ChannelAdapter channel) {
        return WebhookHandler.builder()
                .appSecret(Secret.of(APP_SECRET))
                .verifyToken(Secret.of(VERIFY_TOKEN))
                .channel(channel)
                .accounts(stores.accounts())
                .inbox(stores.inbox())
                .deadLetters(stores.deadLetters())
                .clock(clock)
                .onAppended(appended::add);
    }

    WebhookHandler handler() {
        return builder().build();
    }

    /** A signed POST of one text message from u1 to the registered account. */
    static WebhookRequest signedMessage(String eventId) {
        return TestSignatures.signedPost(EchoTestChannel.payload(ACCOUNT, eventId, "u1", RECENT, "hi"), APP_SECRET);
    }

    /** How many entries the inbox holds and nobody processed yet. */
    long stored() {
        return stores.inbox().pendingCount();
    }

    /** Every pending entry, claimed to look at it. */
    List<InboxEntry> claimAll() {
        return stores.inbox().claim("test", 100, Duration.ofMinutes(1), clock.instant());
    }
}
