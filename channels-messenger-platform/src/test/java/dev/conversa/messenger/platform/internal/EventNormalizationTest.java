package dev.conversa.messenger.platform.internal;

import static dev.conversa.messenger.platform.internal.Fixtures.AT;
import static dev.conversa.messenger.platform.internal.Fixtures.PSID;
import static dev.conversa.messenger.platform.internal.Fixtures.events;
import static dev.conversa.messenger.platform.internal.Fixtures.header;
import static dev.conversa.messenger.platform.internal.Fixtures.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.channel.WebhookPayload;
import dev.conversa.model.AccountLinking;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Checkout;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.DeliveryWatermark;
import dev.conversa.model.EventHeader;
import dev.conversa.model.GamePlay;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.OptIn;
import dev.conversa.model.PolicyEnforcement;
import dev.conversa.model.Reaction;
import dev.conversa.model.Read;
import dev.conversa.model.Referral;
import dev.conversa.model.ReferralInfo;
import dev.conversa.model.StatusUpdate;
import dev.conversa.model.Text;
import dev.conversa.model.Unsupported;
import dev.conversa.testsupport.WebhookPayloads;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventNormalizationTest {

    private static final long MS = AT.toEpochMilli();

    @Test
    void readsReactionWithItsEmoji() {
        assertThat(single("reaction_react")).isEqualTo(new Reaction(
                header("reaction:m_reacted_1:" + PSID + ":" + MS + ":react"), "m_reacted_1", Optional.of("\u2764")));
    }

    @Test
    void readsUnreactAsReactionWithoutEmoji() {
        Reaction reaction = (Reaction) single("reaction_unreact");

        assertThat(reaction).isEqualTo(new Reaction(
                header("reaction:m_reacted_1:" + PSID + ":" + MS + ":unreact"), "m_reacted_1", Optional.empty()));
        assertThat(reaction.removed()).isTrue();
    }

    @Test
    void readsReadWatermarkAsInstant() {
        assertThat(single("read")).isEqualTo(new Read(header("read:" + PSID + ":" + MS + ":1732363100000"),
                Optional.empty(), Optional.of(Instant.ofEpochMilli(1732363100000L))));
    }

    @Test
    void readsDeliveryAsOneDeliveredStatusPerMessageId() {
        Map<String, String> details = Map.of("watermark", "1732363150000");

        assertThat(events("delivery")).containsExactly(
                new StatusUpdate(header("delivery:m_sent_1"), "m_sent_1", DeliveryStatus.DELIVERED, List.of(), details),
                new StatusUpdate(header("delivery:m_sent_2"), "m_sent_2", DeliveryStatus.DELIVERED, List.of(), details));
    }

    @Test
    void readsDeliveryWithOnlyAWatermarkAsADeliveryWatermark() {
        assertThat(single("delivery_watermark_only")).isEqualTo(new DeliveryWatermark(
                header("delivery:" + PSID + ":" + MS + ":1732363150000"), Instant.ofEpochMilli(1732363150000L)));
    }

    @Test
    void readsPolicyEnforcementAsConcerningThePageItself() {
        PolicyEnforcement block = (PolicyEnforcement) single("policy_enforcement");

        assertThat(block.header().accountId()).isEqualTo(Fixtures.PAGE);
        assertThat(block.header().contactId()).isEqualTo(Fixtures.PAGE);
        assertThat(block.header().timestamp()).isEqualTo(AT);
        assertThat(block.header().externalId()).startsWith("policy_enforcement:" + Fixtures.PAGE + ":" + MS + ":");
        assertThat(block.action()).isEqualTo(PolicyEnforcement.Action.BLOCK);
        assertThat(block.reason()).contains("The Page sent messages that break the Messenger Platform policies.");
    }

    @Test
    void readsTheHyphenatedPolicyEnforcementOfOlderPayloads() {
        PolicyEnforcement unblock = (PolicyEnforcement) single("policy_enforcement_legacy_unblock");

        assertThat(unblock.action()).isEqualTo(PolicyEnforcement.Action.UNBLOCK);
        assertThat(unblock.reason()).isEmpty();
    }

    @Test
    void readsAccountLinkingCheckoutPaymentAndGamePlayAsTypedEvents() {
        List<InboundEvent> events = events("account_events");

        assertThat(events).extracting(InboundEvent::kind).containsExactly("account_linking", "account_linking",
                "checkout", "checkout", "game_play");
        assertThat(events).extracting(event -> event.header().contactId()).containsOnly(PSID);
        assertThat(events).extracting(event -> event.header().externalId()).doesNotHaveDuplicates();
        AccountLinking linked = (AccountLinking) events.get(0);
        assertThat(linked.linked()).isTrue();
        assertThat(linked.authorizationCode()).contains("link-code-5521");
        assertThat(linked.toString()).doesNotContain("link-code-5521");
        assertThat(((AccountLinking) events.get(1)).linked()).isFalse();
        Checkout update = (Checkout) events.get(2);
        assertThat(update.stage()).isEqualTo(Checkout.Stage.CHECKOUT_UPDATE);
        assertThat(update.payload()).contains("BUY_JACKET_M");
        assertThat(update.details()).containsEntry("shipping_address.city", "Lisboa").doesNotContainKey("payload");
        Checkout payment = (Checkout) events.get(3);
        assertThat(payment.stage()).isEqualTo(Checkout.Stage.PAYMENT);
        assertThat(payment.details()).containsEntry("amount.amount", "89.00")
                .containsEntry("payment_credential.charge_id", "ch_test_1042");
        assertThat(events.get(4)).isEqualTo(new GamePlay(events.get(4).header(), "480112233445566",
                Optional.of("pl-8812"), Optional.of("SOLO"), Optional.of("9911"), Optional.of("{\"level\":3}")));
    }

    @Test
    void readsAdReferralWithAdContext() {
        assertThat(single("referral")).isEqualTo(new Referral(header("referral:" + PSID + ":" + MS + ":ad-campaign-7"),
                new ReferralInfo("ADS", Optional.of("ad-campaign-7"), Optional.of("6045246247433"), Optional.empty(),
                        Optional.of("Winter boots"), Optional.empty(),
                        Map.of("type", "OPEN_THREAD", "ad.photo_url", "https://scontent.xx.fbcdn.net/ad.jpg",
                                "ad.post_id", "106372929211384_1234"))));
    }

    @Test
    void readsMarketingOptInWithAllItsDetails() {
        assertThat(single("optin")).isEqualTo(new OptIn(
                header("optin:" + PSID + ":" + MS + ":notification_messages"), "notification_messages", true,
                Map.of("type", "notification_messages", "payload", "WEEKLY_DEALS",
                        "notification_messages_token", "8712345678901234",
                        "notification_messages_frequency", "WEEKLY",
                        "notification_messages_timezone", "Europe/Lisbon",
                        "token_expiry_timestamp", "1740000000000", "user_token_status", "NOT_REFRESHED",
                        "notification_messages_status", "RESUME_NOTIFICATIONS", "title", "Weekly deals")));
    }

    @Test
    void readsStoppedNotificationsAsWithdrawnConsent() {
        OptIn optIn = (OptIn) single("optin_stopped");

        assertThat(optIn.optedIn()).isFalse();
        assertThat(optIn.topic()).isEqualTo("notification_messages");
        assertThat(optIn.details()).containsEntry("notification_messages_status", "STOP_NOTIFICATIONS");
    }

    @Test
    void keepsUnknownEventTypeAsUnsupportedWithRawJson() {
        Unsupported unsupported = (Unsupported) single("unknown_event");

        assertThat(unsupported.type()).isEqualTo("messaging_game_plays");
        assertThat(unsupported.header().externalId()).startsWith("messaging_game_plays:" + PSID + ":" + MS + ":");
        assertThat(unsupported.rawJson()).contains("\"score\":42");
    }

    @Test
    void keepsMessageWithoutMidAsMalformedUnsupported() {
        Unsupported unsupported = (Unsupported) single("message_without_mid");

        assertThat(unsupported.type()).isEqualTo("malformed:message");
        assertThat(unsupported.header().externalId()).startsWith("malformed:");
        assertThat(unsupported.rawJson()).contains("no id here");
    }

    @Test
    void readsEveryEventOfEveryEntryInOrder() {
        EventHeader other = new EventHeader(ChannelType.MESSENGER, "222333444555666", "7000000000000001", "m_b_2",
                AT.plusMillis(2));

        assertThat(events("batch")).extracting(e -> e.header()).containsExactly(
                header("m_b_1"),
                new EventHeader(ChannelType.MESSENGER, Fixtures.PAGE, PSID, "read:" + PSID + ":" + (MS + 1) + ":"
                        + (MS - 10), AT.plusMillis(1)),
                other);
        assertThat(((InboundMessage) events("batch").get(2)).content()).isEqualTo(new Text("second"));
    }

    @Test
    void givesTheSameIdsWhenTheSameWebhookIsDeliveredTwice() {
        assertThat(events("unknown_event")).isEqualTo(events("unknown_event"));
    }

    @Test
    void rejectsPayloadOfAnotherObject() {
        WebhookPayload instagram = WebhookPayloads.of("{\"object\":\"instagram\"}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> new MessagingEventParser(ChannelType.MESSENGER, "page").parse(instagram))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'page'").hasMessageContaining("'instagram'");
    }

    @Test
    void readsCheckboxOptInWithTheUserRefAsContact() {
        assertThat(single("optin_user_ref")).isEqualTo(new OptIn(
                new EventHeader(ChannelType.MESSENGER, Fixtures.PAGE, "ur_5f2a9c", "optin:ur_5f2a9c:" + MS + ":optin", AT),
                "optin", true, Map.of("ref", "checkbox-cart", "user_ref", "ur_5f2a9c")));
    }
}
