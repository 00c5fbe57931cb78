package dev.conversa.webhook;

import static dev.conversa.webhook.IntakeFixture.ACCOUNT;
import static dev.conversa.webhook.IntakeFixture.APP_SECRET;
import static dev.conversa.webhook.IntakeFixture.NOW;
import static dev.conversa.webhook.IntakeFixture.RECENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.lang.Secret;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import dev.conversa.store.InboxEntry;
import dev.conversa.testsupport.EchoTestChannel;
import dev.conversa.testsupport.TestSignatures;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventIntakeTest {

    private final IntakeFixture fixture = new IntakeFixture();
    private final WebhookHandler handler = fixture.handler();

    @Test
    void storesEventAndAnswersEventReceived() {
        WebhookResponse response = handler.handle(IntakeFixture.signedMessage("m1"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("EVENT_RECEIVED");
        InboxEntry entry = fixture.claimAll().get(0);
        assertThat(entry.tenant()).isEqualTo(IntakeFixture.TENANT);
        assertThat(entry.event()).get().isInstanceOf(InboundMessage.class);
        assertThat(entry.event().get().header().externalId()).isEqualTo("m1");
    }

    @Test
    void acknowledgesUnknownObjectWithoutStoringAnything() {
        String json = "{\"object\":\"something_else\",\"entry\":[]}";

        WebhookResponse response = handler.handle(TestSignatures.signedPost(json, APP_SECRET));

        assertThat(response.status()).isEqualTo(200);
        assertThat(fixture.stored()).isZero();
    }

    @Test
    void acknowledgesEventsOfUnregisteredAccountWithoutStoringThem() {
        String json = EchoTestChannel.payload("stranger", "m1", "u1", RECENT, "hi");

        WebhookResponse response = handler.handle(TestSignatures.signedPost(json, APP_SECRET));

        assertThat(response.status()).isEqualTo(200);
        assertThat(fixture.stored()).isZero();
    }

    @Test
    void storesEventsOfRegisteredAccountsNextToUnregisteredOnes() {
        String json = """
                {"object":"test_object","entry":[
                  {"id":"stranger","events":[{"id":"s1","from":"u1","time":%1$d,"text":"a"}]},
                  {"id":"acct","events":[{"id":"m1","from":"u1","time":%1$d,"text":"b"}]}]}
                """.formatted(RECENT.getEpochSecond());

        WebhookResponse response = handler.handle(TestSignatures.signedPost(json, APP_SECRET));

        assertThat(response.status()).isEqualTo(200);
        assertThat(fixture.claimAll()).extracting(entry -> entry.event().get().header().externalId())
                .containsExactly("m1");
    }

    @Test
    void leavesOutEventOlderThanTheReplayWindow() {
        String json = EchoTestChannel.payload(ACCOUNT, "old", "u1", NOW.minus(Duration.ofDays(8)), "hi");

        WebhookResponse response = handler.handle(TestSignatures.signedPost(json, APP_SECRET));

        assertThat(response.status()).isEqualTo(200);
        assertThat(fixture.stored()).isZero();
    }

    @Test
    void storesEventJustInsideAConfiguredReplayWindow() {
        WebhookHandler strict = fixture.builder().replayWindow(Duration.ofMinutes(5)).build();
        String inside = EchoTestChannel.payload(ACCOUNT, "in", "u1", NOW.minusSeconds(299), "hi");
        String outside = EchoTestChannel.payload(ACCOUNT, "out", "u1", NOW.minusSeconds(301), "hi");

        strict.handle(TestSignatures.signedPost(inside, APP_SECRET));
        strict.handle(TestSignatures.signedPost(outside, APP_SECRET));

        assertThat(fixture.claimAll()).extracting(entry -> entry.event().get().header().externalId())
                .containsExactly("in");
    }

    @Test
    void storesDuplicateDeliveryOnce() {
        handler.handle(IntakeFixture.signedMessage("m1"));

        WebhookResponse again = handler.handle(IntakeFixture.signedMessage("m1"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(fixture.stored()).isEqualTo(1);
    }

    @Test
    void storesDuplicateDeliveryOnceAcrossHandlersSharingTheInbox() {
        handler.handle(IntakeFixture.signedMessage("m1"));

        WebhookResponse again = fixture.handler().handle(IntakeFixture.signedMessage("m1"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(fixture.stored()).isEqualTo(1);
    }

    @Test
    void routesEachAccountsEventsToItsOwnTenant() {
        // given
        TenantId other = TenantId.of("globex");
        fixture.stores.accounts().save(ChannelAccount.of(other, EchoTestChannel.TYPE, "acct2", Secret.of("t")));
        String json = """
                {"object":"test_object","entry":[
                  {"id":"acct","events":[{"id":"m1","from":"u1","time":%1$d,"text":"a"}]},
                  {"id":"acct2","events":[{"id":"m2","from":"u2","time":%1$d,"text":"b"}]}]}
                """.formatted(RECENT.getEpochSecond());

        // when
        handler.handle(TestSignatures.signedPost(json, APP_SECRET));

        // then
        assertThat(fixture.claimAll()).extracting(InboxEntry::tenant).containsExactly(IntakeFixture.TENANT, other);
    }

    @Test
    void tellsTheListenerWhichEntriesWereAppended() {
        handler.handle(IntakeFixture.signedMessage("m1"));
        handler.handle(IntakeFixture.signedMessage("m1"));

        assertThat(fixture.appended).hasSize(1);
        assertThat(fixture.appended.get(0)).singleElement()
                .satisfies(entry -> assertThat(entry.event().get().header().externalId()).isEqualTo("m1"));
    }

    @Test
    void acknowledgesStoredEventsEvenWhenTheListenerFails() {
        WebhookHandler failingListener = fixture.builder().onAppended(entries -> {
            throw new IllegalStateException("listener bug");
        }).build();

        WebhookResponse response = failingListener.handle(IntakeFixture.signedMessage("m1"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(fixture.stored()).isEqualTo(1);
    }

    @Test
    void verifiesMetaStyleEscapedPayloadOverItsRawBytes() throws Exception {
        // given
        byte[] raw = getClass().getResourceAsStream("/fixtures/test/escaped-unicode.json").readAllBytes();
        assertThat(new String(raw, java.nio.charset.StandardCharsets.US_ASCII)).contains("\\u00e4", "\\/");

        // when
        WebhookResponse response = handler.handle(TestSignatures.signedPost(raw, APP_SECRET));

        // then
        assertThat(response.status()).isEqualTo(200);
        InboundMessage message = (InboundMessage) fixture.claimAll().get(0).event().get();
        assertThat(message.messageId()).isEqualTo("m.escaped/1");
        assertThat(((Text) message.content()).body()).isEqualTo("Grüße aus Köln, äöå https://example.com/p \uD83D\uDE00");
    }
}
