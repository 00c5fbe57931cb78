package dev.conversa.webhook;

import static dev.conversa.webhook.IntakeFixture.APP_SECRET;
import static dev.conversa.webhook.IntakeFixture.RECENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.SendRequest;
import dev.conversa.channel.SendResult;
import dev.conversa.channel.WebhookPayload;
import dev.conversa.graph.GraphClient;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.TenantId;
import dev.conversa.store.Inbox;
import dev.conversa.store.InboxEntry;
import dev.conversa.testsupport.EchoTestChannel;
import dev.conversa.testsupport.TestSignatures;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A body delivered again byte for byte is answered without being read once every event of it is
 * stored, and read again whenever an earlier delivery left something to do.
 */
class RedeliveredBodyTest {

    private final IntakeFixture fixture = new IntakeFixture();
    private final CountingChannel channel = new CountingChannel();

    @Test
    void aBodyWhoseEventsAreStoredIsAnsweredAgainWithoutBeingRead() {
        WebhookHandler handler = fixture.builder(channel).build();
        handler.handle(IntakeFixture.signedMessage("m1"));

        WebhookResponse again = handler.handle(IntakeFixture.signedMessage("m1"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.bodyText()).isEqualTo(EventIntake.RECEIVED);
        assertThat(channel.normalized).as("bodies read").hasValue(1);
        assertThat(fixture.stored()).isEqualTo(1);
    }

    @Test
    void anotherBodyWithTheSameEventIsReadAndStoredOnce() {
        WebhookHandler handler = fixture.builder(channel).build();
        handler.handle(IntakeFixture.signedMessage("m1"));
        String reworded = EchoTestChannel.payload(IntakeFixture.ACCOUNT, "m1", "u1", RECENT, "hi ");

        WebhookResponse other = handler.handle(TestSignatures.signedPost(reworded, APP_SECRET));

        assertThat(other.status()).isEqualTo(200);
        assertThat(channel.normalized).as("bodies read").hasValue(2);
        assertThat(fixture.stored()).isEqualTo(1);
    }

    @Test
    void aBodyOfAnAccountRegisteredAfterItsFirstDeliveryIsStoredWhenDeliveredAgain() {
        WebhookHandler handler = fixture.builder(channel).build();
        WebhookRequest body = TestSignatures.signedPost(
                EchoTestChannel.payload("later", "m1", "u1", RECENT, "hi"), APP_SECRET);
        handler.handle(body);
        fixture.stores.accounts().save(
                ChannelAccount.of(TenantId.of("beta"), EchoTestChannel.TYPE, "later", Secret.of("page-token")));

        WebhookResponse again = handler.handle(body);

        assertThat(again.status()).isEqualTo(200);
        assertThat(channel.normalized).as("bodies read").hasValue(2);
        assertThat(fixture.claimAll()).extracting(InboxEntry::tenant).containsExactly(TenantId.of("beta"));
    }

    @Test
    void aBodyWhoseAppendFailedIsReadAndStoredWhenDeliveredAgain() {
        AtomicBoolean failing = new AtomicBoolean(true);
        WebhookHandler handler = fixture.builder(channel)
                .inbox(failingWhile(fixture.stores.inbox(), failing)).build();
        WebhookResponse first = handler.handle(IntakeFixture.signedMessage("m1"));
        failing.set(false);

        WebhookResponse again = handler.handle(IntakeFixture.signedMessage("m1"));

        assertThat(first.status()).isEqualTo(500);
        assertThat(again.status()).isEqualTo(200);
        assertThat(channel.normalized).as("bodies read").hasValue(2);
        assertThat(fixture.stored()).isEqualTo(1);
    }

    /** An inbox whose appends throw while the flag is set. */
    private static Inbox failingWhile(Inbox inbox, AtomicBoolean failing) {
        return (Inbox) Proxy.newProxyInstance(Inbox.class.getClassLoader(), new Class<?>[] {Inbox.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("append") && failing.get()) {
                        throw new IllegalStateException("the database is down");
                    }
                    try {
                        return method.invoke(inbox, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The echo test channel, counting the bodies it reads. */
    private static final class CountingChannel implements ChannelAdapter {

        private final EchoTestChannel echo = new EchoTestChannel();
        final AtomicInteger normalized = new AtomicInteger();

        @Override
        public ChannelType type() {
            return echo.type();
        }

        @Override
        public String webhookObject() {
            return echo.webhookObject();
        }

        @Override
        public List<InboundEvent> normalize(WebhookPayload payload) {
            normalized.incrementAndGet();
            return echo.normalize(payload);
        }

        @Override
        public SendResult send(SendRequest request, GraphClient graph) {
            return echo.send(request, graph);
        }

        @Override
        public ChannelCapabilities capabilities() {
            return echo.capabilities();
        }
    }
}
