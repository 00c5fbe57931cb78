package dev.conversa.whatsapp;

import static dev.conversa.e2e.ConversaRig.APP_SECRET;
import static dev.conversa.e2e.ConversaRig.SIZE_ANSWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.e2e.ConversaRig;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.MessageRecord;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.whatsapp.WhatsAppCustomer;
import dev.conversa.testkit.whatsapp.WhatsAppMessage;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
import dev.conversa.webhook.WebhookHandler;
import dev.conversa.webhook.WebhookRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A webhook of many small events, 1,000 statuses in one body as Meta batches them: accepted within
 * the default body limit, stored in one inbox transaction, and every status processed, claimed in
 * runs and batches rather than one claim (one transaction) each, whether the statuses are about
 * one customer's messages or about a thousand customers'. The figures are in
 * {@code docs/reliability.md}.
 */
class StatusBatchEndToEndTest {

    static final int STATUSES = 1_000;
    private static final String NUMBER = WhatsAppWebhook.PHONE_NUMBER_ID;
    private static final String CUSTOMER = "16315551181";
    private static final ConversationKey KEY = new ConversationKey(ChannelType.WHATSAPP, NUMBER, CUSTOMER);

    private final GraphStandIn graph = GraphStandIn.start();
    private final ConversaRig rig = ConversaRig.start(WhatsAppChannel.create(), NUMBER, graph.baseUrl());

    @AfterEach
    void stop() {
        rig.close();
        graph.close();
    }

    @Test
    void aThousandStatusesInOneBodyAreStoredInOneTransactionAndAllProcessed() {
        // given: the bot answered once, so one of the statuses is about a message we know
        rig.deliver(WhatsAppWebhook.builder().at(Instant.now())
                .message(WhatsAppCustomer.withPhone(CUSTOMER, "Kerry Fisher"),
                        WhatsAppMessage.text("wamid.batch.in", "Do you have the jacket in size M?"))
                .signed(APP_SECRET));
        String ours = rig.awaitSent(KEY, SIZE_ANSWER).messageId();
        rig.awaitIdle();
        int appendsBefore = rig.inboxAppends();
        int claimsBefore = rig.inboxClaimsWithWork();
        int storedBefore = rig.storedEventIds().size();
        WhatsAppWebhook batch = WhatsAppWebhook.builder().at(Instant.now()).status(ours, CUSTOMER, "read");
        for (int i = 1; i < STATUSES; i++) {
            batch.status("wamid.batch.other." + i, CUSTOMER, i % 2 == 0 ? "delivered" : "sent");
        }
        WebhookRequest request = batch.signed(APP_SECRET);

        // when
        rig.deliver(request);

        // then
        assertThat(request.body().length).isLessThan(WebhookHandler.Builder.DEFAULT_MAX_BODY_BYTES);
        assertThat(rig.inboxAppends() - appendsBefore).as("inbox transactions for the body").isEqualTo(1);
        assertThat(rig.storedEventIds()).hasSize(storedBefore + STATUSES);
        await().atMost(Duration.ofSeconds(60)).until(() -> rig.inboxPending() == 0);
        assertThat(rig.history(KEY)).filteredOn(message -> message.messageId().equals(ours))
                .extracting(MessageRecord::status).containsExactly(DeliveryStatus.READ);
        assertThat(rig.inboxClaimsWithWork() - claimsBefore).as("claims that took statuses, one conversation")
                .isLessThanOrEqualTo(STATUSES / 50);
    }

    @Test
    void aThousandStatusesAboutAThousandCustomersAreClaimedInBatches() {
        rig.deliver(WhatsAppWebhook.builder().at(Instant.now())
                .message(WhatsAppCustomer.withPhone(CUSTOMER, "Kerry Fisher"),
                        WhatsAppMessage.text("wamid.fan.in", "Do you have the jacket in size M?"))
                .signed(APP_SECRET));
        String ours = rig.awaitSent(KEY, SIZE_ANSWER).messageId();
        rig.awaitIdle();
        int claimsBefore = rig.inboxClaimsWithWork();
        int storedBefore = rig.storedEventIds().size();
        WhatsAppWebhook batch = WhatsAppWebhook.builder().at(Instant.now()).status(ours, CUSTOMER, "read");
        for (int i = 1; i < STATUSES; i++) {
            batch.status("wamid.fan.other." + i, String.valueOf(16315550000L + i), "delivered");
        }

        rig.deliver(batch.signed(APP_SECRET));

        assertThat(rig.storedEventIds()).hasSize(storedBefore + STATUSES);
        await().atMost(Duration.ofSeconds(60)).until(() -> rig.inboxPending() == 0);
        assertThat(rig.history(KEY)).filteredOn(message -> message.messageId().equals(ours))
                .extracting(MessageRecord::status).containsExactly(DeliveryStatus.READ);
        assertThat(rig.inboxClaimsWithWork() - claimsBefore).as("claims that took statuses, a conversation each")
                .isLessThanOrEqualTo(STATUSES / 10);
    }
}
