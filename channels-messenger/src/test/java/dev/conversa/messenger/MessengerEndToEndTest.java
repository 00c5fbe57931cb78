package dev.conversa.messenger;

import static dev.conversa.e2e.ConversaRig.ACCESS_TOKEN;
import static dev.conversa.e2e.ConversaRig.APP_SECRET;
import static dev.conversa.e2e.ConversaRig.HOURS_ANSWER;
import static dev.conversa.e2e.ConversaRig.PATIENCE;
import static dev.conversa.e2e.ConversaRig.SIZE_ANSWER;
import static dev.conversa.messenger.MessengerE2e.JSON;
import static dev.conversa.messenger.MessengerE2e.KEY;
import static dev.conversa.messenger.MessengerE2e.PAGE;
import static dev.conversa.messenger.MessengerE2e.PSID;
import static dev.conversa.messenger.MessengerE2e.text;
import static dev.conversa.messenger.MessengerE2e.textReplies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.conversa.channel.EchoMarker;
import dev.conversa.e2e.ConversaRig;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Direction;
import dev.conversa.model.MessageRecord;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.RecordedRequest;
import dev.conversa.testkit.messenger.MessengerWebhook;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A Messenger webhook in, through the whole pipeline, a reply out to the Graph API stand-in, and
 * its delivery and read receipts back.
 */
class MessengerEndToEndTest {

    private final GraphStandIn graph = GraphStandIn.start();
    private final ConversaRig rig = ConversaRig.start(MessengerChannel.create(), PAGE, graph.baseUrl());

    @AfterEach
    void stop() {
        rig.close();
        graph.close();
    }

    @Test
    void repliesToATextMessageThroughTheSendApi() {
        // when
        rig.deliver(text("m_e2e_1", "Do you have the jacket in size M?"));

        // then
        RecordedRequest reply = await().atMost(PATIENCE).until(() -> textReplies(graph), replies -> !replies.isEmpty()).get(0);
        JsonNode body = JSON.readTree(reply.body());
        assertThat(reply.path()).isEqualTo("/v23.0/" + PAGE + "/messages");
        assertThat(reply.header("Authorization")).contains("Bearer " + ACCESS_TOKEN);
        assertThat(body.path("recipient").path("id").asString()).isEqualTo(PSID);
        assertThat(body.path("messaging_type").asString()).isEqualTo("RESPONSE");
        assertThat(body.path("message").path("text").asString()).isEqualTo(SIZE_ANSWER);
        assertThat(body.path("message").path("metadata").asString()).isEqualTo(EchoMarker.VALUE);
    }

    @Test
    void recordsTheInboundAndTheSentReplyWithMessengersMessageId() {
        // when
        rig.deliver(text("m_e2e_1", "Do you have the jacket in size M?"));

        // then
        MessageRecord sent = rig.awaitSent(KEY, SIZE_ANSWER);
        assertThat(sent.messageId()).startsWith("m_").isNotEqualTo("m_e2e_1");
        assertThat(rig.history(KEY))
                .extracting(MessageRecord::messageId, MessageRecord::direction, MessageRecord::status)
                .containsExactly(
                        tuple("m_e2e_1", Direction.INBOUND, DeliveryStatus.DELIVERED),
                        tuple(sent.messageId(), Direction.OUTBOUND, DeliveryStatus.SENT));
    }

    @Test
    void answersARedeliveredWebhookOnce() {
        // given
        rig.deliver(text("m_e2e_1", "Do you have the jacket in size M?"));
        rig.awaitSent(KEY, SIZE_ANSWER);

        // when: Meta delivers it again, to this instance and after a restart, which forgot it
        rig.deliver(text("m_e2e_1", "Do you have the jacket in size M?"));
        rig.restart();
        rig.deliver(text("m_e2e_1", "Do you have the jacket in size M?"));
        rig.deliver(text("m_e2e_2", "When do you open?"));
        rig.awaitSent(KEY, HOURS_ANSWER);
        rig.awaitIdle();

        // then
        assertThat(rig.storedEventIds()).containsExactly("m_e2e_1", "m_e2e_2");
        assertThat(rig.responderCalls()).isEqualTo(2);
        assertThat(textReplies(graph)).extracting(MessengerE2e::replyText).containsExactly(SIZE_ANSWER, HOURS_ANSWER);
    }

    @Test
    void movesTheReplysStatusForwardFromDeliveryAndReadWebhooks() {
        // given
        rig.deliver(text("m_e2e_1", "Do you have the jacket in size M?"));
        String mid = rig.awaitSent(KEY, SIZE_ANSWER).messageId();

        // when
        rig.deliver(MessengerWebhook.page(PAGE).at(Instant.now()).delivery(PSID, Instant.now(), mid).signed(APP_SECRET));
        rig.awaitIdle();
        DeliveryStatus delivered = status(mid);
        rig.deliver(MessengerWebhook.page(PAGE).at(Instant.now()).read(PSID, Instant.now()).signed(APP_SECRET));
        rig.awaitIdle();

        // then
        assertThat(delivered).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(status(mid)).isEqualTo(DeliveryStatus.READ);
    }

    private DeliveryStatus status(String mid) {
        return rig.history(KEY).stream().filter(message -> message.messageId().equals(mid)).findFirst().orElseThrow()
                .status();
    }
}
