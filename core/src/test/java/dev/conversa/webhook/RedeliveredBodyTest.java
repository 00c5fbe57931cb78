package dev.conversa.webhook;

import static dev.conversa.webhook.IntakeFixture.APP_SECRET;
import static dev.conversa.webhook.IntakeFixture.RECENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.lang.Secret;
import dev.conversa.model.TenantId;
import dev.conversa.store.InboxEntry;
import dev.conversa.testsupport.CountingChannel;
import dev.conversa.testsupport.EchoTestChannel;
import dev.conversa.testsupport.FailingInbox;
import dev.conversa.testsupport.TestSignatures;
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
        assertThat(channel.normalized()).as("bodies read").isEqualTo(1);
        assertThat(fixture.stored()).isEqualTo(1);
    }

    @Test
    void anotherBodyWithTheSameEventIsReadAndStoredOnce() {
        WebhookHandler handler = fixture.builder(channel).build();
        handler.handle(IntakeFixture.signedMessage("m1"));
        String reworded = EchoTestChannel.payload(IntakeFixture.ACCOUNT, "m1", "u1", RECENT, "hi ");

        WebhookResponse other = handler.handle(TestSignatures.signedPost(reworded, APP_SECRET));

        assertThat(other.status()).isEqualTo(200);
        assertThat(channel.normalized()).as("bodies read").isEqualTo(2);
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
        assertThat(channel.normalized()).as("bodies read").isEqualTo(2);
        assertThat(fixture.claimAll()).extracting(InboxEntry::tenant).containsExactly(TenantId.of("beta"));
    }

    @Test
    void aBodyWhoseAppendFailedIsReadAndStoredWhenDeliveredAgain() {
        FailingInbox inbox = new FailingInbox(fixture.stores.inbox());
        WebhookHandler handler = fixture.builder(channel).inbox(inbox).build();
        inbox.failAppends(true);
        WebhookResponse first = handler.handle(IntakeFixture.signedMessage("m1"));
        inbox.failAppends(false);

        WebhookResponse again = handler.handle(IntakeFixture.signedMessage("m1"));

        assertThat(first.status()).isEqualTo(500);
        assertThat(again.status()).isEqualTo(200);
        assertThat(channel.normalized()).as("bodies read").isEqualTo(2);
        assertThat(fixture.stored()).isEqualTo(1);
    }
}
