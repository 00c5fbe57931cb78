package dev.conversa.messenger;

import static dev.conversa.e2e.ConversaRig.PATIENCE;
import static dev.conversa.e2e.ConversaRig.SIZE_ANSWER;
import static dev.conversa.messenger.MessengerE2e.KEY;
import static dev.conversa.messenger.MessengerE2e.PAGE;
import static dev.conversa.messenger.MessengerE2e.text;
import static dev.conversa.messenger.MessengerE2e.textReplies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.e2e.ConversaRig;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.store.OutboxState;
import dev.conversa.testkit.GraphStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Messenger reply whose connection drops after Meta read the request, through the whole
 * pipeline and the real Graph client: it may have reached the customer, so it is
 * {@code SEND_UNCERTAIN} and never sent again.
 */
class MessengerSendOutcomeEndToEndTest {

    private final GraphStandIn graph = GraphStandIn.start();
    private final ConversaRig rig = ConversaRig.start(MessengerChannel.create(), PAGE, graph.baseUrl());

    @AfterEach
    void stop() {
        rig.close();
        graph.close();
    }

    @Test
    void aReplyWhoseConnectionDroppedAfterTheRequestIsUncertainAndSentOnce() {
        graph.dropConnectionOnNextMessage();

        rig.deliver(text("m_outcome_1", "Do you have the jacket in size M?"));

        rig.awaitOutbound(KEY, SIZE_ANSWER, DeliveryStatus.SEND_UNCERTAIN);
        rig.awaitIdle();
        assertThat(rig.outbox(OutboxState.SEND_UNCERTAIN)).singleElement()
                .satisfies(entry -> assertThat(entry.attempts()).isEqualTo(1));
        assertThat(rig.outbox(OutboxState.DEAD)).isEmpty();
        await().atMost(PATIENCE).until(() -> textReplies(graph).size() == 1);
    }

    @Test
    void aReplyAnsweredWithAServerErrorIsUncertainAndSentOnce() {
        graph.failNextMessage(500, 2, null, "(#2) Service temporarily unavailable");

        rig.deliver(text("m_outcome_1", "Do you have the jacket in size M?"));

        rig.awaitOutbound(KEY, SIZE_ANSWER, DeliveryStatus.SEND_UNCERTAIN);
        rig.awaitIdle();
        assertThat(textReplies(graph)).hasSize(1);
    }
}
