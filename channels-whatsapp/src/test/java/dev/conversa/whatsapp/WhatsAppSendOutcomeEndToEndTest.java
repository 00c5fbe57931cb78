package dev.conversa.whatsapp;

import static dev.conversa.e2e.ConversaRig.APP_SECRET;
import static dev.conversa.e2e.ConversaRig.PATIENCE;
import static dev.conversa.e2e.ConversaRig.SIZE_ANSWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.e2e.ConversaRig;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.RecordedRequest;
import dev.conversa.testkit.whatsapp.WhatsAppCustomer;
import dev.conversa.testkit.whatsapp.WhatsAppMessage;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * What becomes of a WhatsApp reply whose send fails, through the whole pipeline and the real
 * Graph client: a send that may have reached Meta is {@code SEND_UNCERTAIN} and never repeated;
 * a send Meta refused before doing anything is tried again by the outbox.
 */
class WhatsAppSendOutcomeEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NUMBER = WhatsAppWebhook.PHONE_NUMBER_ID;
    private static final String CUSTOMER = "16315551181";
    private static final WhatsAppCustomer KERRY = WhatsAppCustomer.withPhone(CUSTOMER, "Kerry Fisher");
    private static final ConversationKey KEY = new ConversationKey(ChannelType.WHATSAPP, NUMBER, CUSTOMER);

    private final GraphStandIn graph = GraphStandIn.start();
    private final ConversaRig rig = ConversaRig.start(WhatsAppChannel.create(), NUMBER, graph.baseUrl());

    @AfterEach
    void stop() {
        rig.close();
        graph.close();
    }

    @Test
    void aReplyWhoseConnectionDroppedAfterTheRequestIsUncertainAndSentOnce() {
        graph.dropConnectionOnNextMessage();

        askAboutSizes();

        rig.awaitOutbound(KEY, SIZE_ANSWER, DeliveryStatus.SEND_UNCERTAIN);
        assertOneUncertainReply();
    }

    @Test
    void aReplyAnsweredWithAServerErrorIsUncertainAndSentOnce() {
        graph.failNextMessage(500, 131000, null, "(#131000) Something went wrong");

        askAboutSizes();

        rig.awaitOutbound(KEY, SIZE_ANSWER, DeliveryStatus.SEND_UNCERTAIN);
        assertOneUncertainReply();
        assertThat(rig.outbox(OutboxState.SEND_UNCERTAIN).get(0).lastError()).hasValueSatisfying(
                error -> assertThat(error).contains("131000"));
    }

    @Test
    void aReplyAcceptedWithoutAMessageIdIsUncertainAndSentOnce() {
        graph.acceptNextMessageWithoutId();

        askAboutSizes();

        rig.awaitOutbound(KEY, SIZE_ANSWER, DeliveryStatus.SEND_UNCERTAIN);
        assertOneUncertainReply();
    }

    @Test
    void aReplyRefusedByThrottlingIsTriedAgainByTheOutboxAndSentOnce() {
        graph.failNextMessage(400, 131056, null, "(#131056) Pair rate limit hit");

        askAboutSizes();

        rig.awaitSent(KEY, SIZE_ANSWER);
        rig.awaitIdle();
        assertThat(messageRequests()).hasSize(2);
        assertThat(rig.outbox(OutboxState.SENT)).extracting(OutboxEntry::attempts).contains(2);
    }

    private void askAboutSizes() {
        rig.deliver(WhatsAppWebhook.builder().at(Instant.now())
                .message(KERRY, WhatsAppMessage.text("wamid.outcome.1", "Do you have the jacket in size M?"))
                .signed(APP_SECRET));
    }

    private void assertOneUncertainReply() {
        rig.awaitIdle();
        assertThat(rig.outbox(OutboxState.SEND_UNCERTAIN)).singleElement()
                .satisfies(entry -> assertThat(entry.attempts()).isEqualTo(1));
        assertThat(rig.outbox(OutboxState.DEAD)).isEmpty();
        assertThat(rig.outbox(OutboxState.PENDING)).isEmpty();
        await().atMost(PATIENCE).until(() -> messageRequests().size() == 1);
        assertThat(messageRequests()).hasSize(1);
    }

    /** The requests that sent a message (not the read receipt with typing). */
    private List<RecordedRequest> messageRequests() {
        return graph.requests().stream()
                .filter(request -> "text".equals(JSON.readTree(request.body()).path("type").asString(null)))
                .toList();
    }
}
