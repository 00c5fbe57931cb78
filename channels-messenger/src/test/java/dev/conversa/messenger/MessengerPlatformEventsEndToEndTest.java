package dev.conversa.messenger;

import static dev.conversa.e2e.ConversaRig.APP_SECRET;
import static dev.conversa.e2e.ConversaRig.HOURS_ANSWER;
import static dev.conversa.e2e.ConversaRig.PATIENCE;
import static dev.conversa.e2e.ConversaRig.SIZE_ANSWER;
import static dev.conversa.e2e.ConversaRig.TENANT;
import static dev.conversa.messenger.MessengerE2e.KEY;
import static dev.conversa.messenger.MessengerE2e.PAGE;
import static dev.conversa.messenger.MessengerE2e.text;
import static dev.conversa.messenger.MessengerE2e.textReplies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.e2e.ConversaRig;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationState;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Direction;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.PolicyEnforcement;
import dev.conversa.store.AuditEvent;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testsupport.TestSignatures;
import dev.conversa.testsupport.WebhookPayloads;
import dev.conversa.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Messenger payloads of issue #17, from a fixture through the webhook handler and the whole
 * pipeline: link cards and product shares, deliveries named only by a watermark, Meta's policy
 * enforcement, account linking, checkout, payment and game play, and standby messages.
 */
class MessengerPlatformEventsEndToEndTest {

    /** The time every {@code e2e_*} fixture carries, replaced by the time of delivery. */
    private static final String FIXTURE_TIME = "1700000000000";
    /** The watermark of {@code e2e_delivery_watermark}, replaced by the time of delivery. */
    private static final String FIXTURE_WATERMARK = "1700000000999";

    private final GraphStandIn graph = GraphStandIn.start();
    private final List<PolicyEnforcement> enforcements = new CopyOnWriteArrayList<>();
    private final ConversaRig rig = ConversaRig.start(MessengerChannel.create(),
            ChannelAccount.of(TENANT, ChannelType.MESSENGER, PAGE, Secret.of(ConversaRig.ACCESS_TOKEN)),
            graph.baseUrl(), builder -> builder.retryBackoff(Duration.ofMillis(50))
                    .policyEnforcementListener((tenant, enforcement) -> enforcements.add(enforcement)));

    @AfterEach
    void stop() {
        rig.close();
        graph.close();
    }

    @Test
    void keepsALinkCardsUrlAndTitleAndAProductShareWithItsIdsInTheHistory() {
        // when
        rig.deliver(fixture("e2e_link_and_product"));

        // then
        rig.awaitSent(KEY, SIZE_ANSWER);
        rig.awaitIdle();
        assertThat(rig.history(KEY)).filteredOn(message -> message.direction() == Direction.INBOUND)
                .extracting(MessageRecord::messageId, MessageRecord::kind, MessageRecord::text)
                .containsExactly(
                        tuple("m_e2e_shares", "share", Optional.of("Autumn lookbook")),
                        tuple("m_e2e_shares#1", "product_share", Optional.of("Chelsea boot in size 41")));
        assertThat(rig.responderCalls()).as("both, coalesced, are one turn").isEqualTo(1);
        assertThat(textReplies(graph)).extracting(MessengerE2e::replyText).containsExactly(SIZE_ANSWER);
    }

    @Test
    void marksTheRepliesUpToAWatermarkOnlyDeliveryAsDeliveredWithoutAnswering() {
        // given
        rig.deliver(text("m_e2e_1", "Do you have the jacket in size M?"));
        String mid = rig.awaitSent(KEY, SIZE_ANSWER).messageId();
        rig.awaitIdle();

        // when
        rig.deliver(fixture("e2e_delivery_watermark"));
        rig.awaitIdle();

        // then
        assertThat(rig.history(KEY)).filteredOn(message -> message.messageId().equals(mid))
                .extracting(MessageRecord::status).containsExactly(DeliveryStatus.DELIVERED);
        assertThat(rig.responderCalls()).isEqualTo(1);
        assertThat(textReplies(graph)).hasSize(1);
    }

    @Test
    void holdsEverySendOfABlockedPageWithTheReasonAndTellsTheHostUntilMetaUnblocksIt() {
        // when
        rig.deliver(fixture("e2e_policy_block"));
        await().atMost(PATIENCE).until(() -> enforcements.size() == 1);
        rig.deliver(text("m_e2e_1", "When do you open?"));

        // then
        OutboxEntry held = await().atMost(PATIENCE).until(() -> rig.outbox(OutboxState.PENDING).stream()
                .filter(entry -> entry.lastError().isPresent()).findFirst(), Optional::isPresent).get();
        assertThat(held.lastError().get()).contains("Meta blocked messenger account " + PAGE, "policy enforcement");
        assertThat(held.attempts()).as("a held send uses up no attempt").isZero();
        assertThat(graph.requests()).as("nothing reaches the Send API").isEmpty();
        assertThat(enforcements.get(0).action()).isEqualTo(PolicyEnforcement.Action.BLOCK);
        assertThat(enforcements.get(0).reason()).contains("Messages from this Page were reported as spam.");
        assertThat(rig.stores().audit().list(TENANT, 100)).filteredOn(event -> event.action().equals("policy_enforcement"))
                .extracting(event -> event.details().get("action")).containsExactly("BLOCK");

        // when
        rig.deliver(fixture("e2e_policy_unblock"));

        // then
        rig.awaitSent(KEY, HOURS_ANSWER);
        assertThat(enforcements).extracting(PolicyEnforcement::action)
                .containsExactly(PolicyEnforcement.Action.BLOCK, PolicyEnforcement.Action.UNBLOCK);
    }

    @Test
    void releasesTheHeldSendsWhenTheHostRegistersTheBlockedPageAgain() {
        // given
        rig.deliver(fixture("e2e_policy_block"));
        await().atMost(PATIENCE).until(() -> enforcements.size() == 1);
        rig.deliver(text("m_e2e_1", "When do you open?"));
        await().atMost(PATIENCE).until(() -> rig.outbox(OutboxState.PENDING).stream()
                .anyMatch(entry -> entry.lastError().isPresent()));

        // when
        rig.conversa().registerAccount(ChannelAccount.of(TENANT, ChannelType.MESSENGER, PAGE,
                Secret.of("e2e-new-access-token")));

        // then
        rig.awaitSent(KEY, HOURS_ANSWER);
        assertThat(textReplies(graph)).extracting(MessengerE2e::replyText).containsExactly(HOURS_ANSWER);
    }

    @Test
    void recordsAccountLinkingCheckoutPaymentAndGamePlayWithoutAReply() {
        // when
        rig.deliver(fixture("e2e_account_events"));
        rig.awaitIdle();

        // then
        assertThat(rig.storedEventIds()).hasSize(4);
        assertThat(rig.stores().audit().list(TENANT, 100)).filteredOn(event -> event.action().equals("channel_event"))
                .extracting(event -> event.details().get("kind"))
                .containsExactlyInAnyOrder("account_linking", "checkout", "checkout", "game_play");
        assertThat(rig.stores().audit().list(TENANT, 100)).extracting(AuditEvent::details)
                .allSatisfy(details -> assertThat(details.values()).doesNotContain("e2e-link-code", "Porto"));
        assertThat(rig.history(KEY)).isEmpty();
        assertThat(rig.responderCalls()).isZero();
        assertThat(graph.requests()).isEmpty();
    }

    @Test
    void keepsTheCustomersStandbyTextInTheHistoryWithoutABotReply() {
        // when
        rig.deliver(fixture("e2e_standby_text"));
        rig.awaitIdle();

        // then
        assertThat(rig.history(KEY)).extracting(MessageRecord::messageId, MessageRecord::direction, MessageRecord::text)
                .containsExactly(tuple("m_e2e_standby", Direction.INBOUND, Optional.of("Do you ship to Porto?")));
        assertThat(rig.state(KEY)).isEqualTo(ConversationState.WITH_AGENT);
        assertThat(rig.responderCalls()).isZero();
        assertThat(graph.requests()).isEmpty();
    }

    /** A fixture of this module, timed now and signed with the app secret. */
    private static WebhookRequest fixture(String name) {
        String now = Long.toString(Instant.now().toEpochMilli());
        String json = new String(WebhookPayloads.bytes("messenger", name), StandardCharsets.UTF_8)
                .replace(FIXTURE_TIME, now).replace(FIXTURE_WATERMARK, now);
        return TestSignatures.signedPost(json, APP_SECRET.reveal());
    }
}
