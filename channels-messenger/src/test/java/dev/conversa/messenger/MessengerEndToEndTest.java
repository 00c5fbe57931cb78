package dev.conversa.messenger;

import static dev.conversa.e2e.ConversaRig.ACCESS_TOKEN;
import static dev.conversa.e2e.ConversaRig.APP_SECRET;
import static dev.conversa.e2e.ConversaRig.HOURS_ANSWER;
import static dev.conversa.e2e.ConversaRig.PATIENCE;
import static dev.conversa.e2e.ConversaRig.SIZE_ANSWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.conversa.e2e.ConversaRig;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Direction;
import dev.conversa.model.MessageRecord;
import dev.conversa.pipeline.Pipeline;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.RecordedRequest;
import dev.conversa.testkit.SignedWebhook;
import dev.conversa.testkit.messenger.MessengerWebhook;
import dev.conversa.webhook.WebhookRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Messenger webhook in, through the whole pipeline, a reply out to the Graph API stand-in; and
 * echoes: one from another app hands the conversation to a person, the echo of our own reply
 * does not. The host configured no Meta app id, so only the echo metadata tells our echoes apart.
 */
class MessengerEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PAGE = "106372929211384";
    private static final String PSID = "6811512345678901";
    private static final String OUR_APP = "1517776481860111";
    private static final String INBOX_APP = "263902037430900";
    private static final ConversationKey KEY = new ConversationKey(ChannelType.MESSENGER, PAGE, PSID);

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
        RecordedRequest reply = await().atMost(PATIENCE).until(this::textReplies, replies -> !replies.isEmpty()).get(0);
        JsonNode body = JSON.readTree(reply.body());
        assertThat(reply.path()).isEqualTo("/v23.0/" + PAGE + "/messages");
        assertThat(reply.header("Authorization")).contains("Bearer " + ACCESS_TOKEN);
        assertThat(body.path("recipient").path("id").asString()).isEqualTo(PSID);
        assertThat(body.path("messaging_type").asString()).isEqualTo("RESPONSE");
        assertThat(body.path("message").path("text").asString()).isEqualTo(SIZE_ANSWER);
        assertThat(body.path("message").path("metadata").asString()).isEqualTo(Pipeline.ECHO_METADATA);
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

        // when
        rig.deliver(text("m_e2e_1", "Do you have the jacket in size M?"));
        rig.deliver(text("m_e2e_2", "When do you open?"));
        rig.awaitSent(KEY, HOURS_ANSWER);

        // then
        assertThat(textReplies()).extracting(MessengerEndToEndTest::replyText).containsExactly(SIZE_ANSWER, HOURS_ANSWER);
    }

    @Test
    void handsTheConversationToAPersonOnAnEchoFromAnotherApp() {
        // given
        rig.deliver(text("m_e2e_1", "Do you have the jacket in size M?"));
        rig.awaitSent(KEY, SIZE_ANSWER);

        // when
        rig.deliver(MessengerWebhook.page(PAGE).at(Instant.now())
                .echo(PSID, "m_agent_1", "Hi, Sam here, let me check.", INBOX_APP).signed(APP_SECRET));
        rig.awaitState(KEY, ConversationState.WITH_AGENT);
        rig.deliver(text("m_e2e_2", "When do you open?"));
        rig.awaitIdle();

        // then
        assertThat(rig.state(KEY)).isEqualTo(ConversationState.WITH_AGENT);
        assertThat(textReplies()).extracting(MessengerEndToEndTest::replyText).containsExactly(SIZE_ANSWER);
        assertThat(rig.history(KEY)).extracting(MessageRecord::messageId).endsWith("m_agent_1", "m_e2e_2");
    }

    @Test
    void keepsTheBotOnTheEchoOfItsOwnReply() {
        // given
        rig.deliver(text("m_e2e_1", "Do you have the jacket in size M?"));
        MessageRecord sent = rig.awaitSent(KEY, SIZE_ANSWER);

        // when
        rig.deliver(ourEcho(sent.messageId(), SIZE_ANSWER));
        rig.deliver(text("m_e2e_2", "When do you open?"));
        rig.awaitSent(KEY, HOURS_ANSWER);

        // then
        assertThat(rig.state(KEY)).isEqualTo(ConversationState.BOT);
        assertThat(textReplies()).extracting(MessengerEndToEndTest::replyText).containsExactly(SIZE_ANSWER, HOURS_ANSWER);
    }

    @Test
    void keepsTheBotOnAnEchoOfOursThatOvertakesTheRecordOfItsId() {
        // given
        rig.deliver(text("m_e2e_1", "Do you have the jacket in size M?"));
        rig.awaitSent(KEY, SIZE_ANSWER);

        // when
        rig.deliver(ourEcho("m_not_yet_recorded", SIZE_ANSWER));
        rig.awaitIdle();

        // then
        assertThat(rig.state(KEY)).isEqualTo(ConversationState.BOT);
        assertThat(rig.history(KEY)).extracting(MessageRecord::messageId).doesNotContain("m_not_yet_recorded");
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

    @Test
    void handsTheConversationToAPersonWhenAnotherAppTakesTheThread() {
        // given
        rig.deliver(text("m_e2e_1", "Do you have the jacket in size M?"));
        rig.awaitSent(KEY, SIZE_ANSWER);

        // when
        rig.deliver(MessengerWebhook.page(PAGE).at(Instant.now())
                .takeThreadControl(PSID, OUR_APP, INBOX_APP, "agent takes over").signed(APP_SECRET));
        rig.deliver(text("m_e2e_2", "When do you open?"));
        rig.awaitIdle();

        // then
        assertThat(rig.state(KEY)).isEqualTo(ConversationState.WITH_AGENT);
        assertThat(textReplies()).extracting(MessengerEndToEndTest::replyText).containsExactly(SIZE_ANSWER);
    }

    private DeliveryStatus status(String mid) {
        return rig.history(KEY).stream().filter(message -> message.messageId().equals(mid)).findFirst().orElseThrow()
                .status();
    }

    private static WebhookRequest text(String mid, String body) {
        return MessengerWebhook.page(PAGE).at(Instant.now()).text(PSID, mid, body).signed(APP_SECRET);
    }

    /** The echo Meta sends for a message this library sent: our app id and our metadata marker. */
    private static WebhookRequest ourEcho(String mid, String body) {
        JsonNode root = JSON.readTree(MessengerWebhook.page(PAGE).at(Instant.now()).echo(PSID, mid, body, OUR_APP).json());
        ((ObjectNode) root.path("entry").path(0).path("messaging").path(0).path("message"))
                .put("metadata", Pipeline.ECHO_METADATA);
        return SignedWebhook.builder(APP_SECRET).metaJson(root.toString()).build();
    }

    private List<RecordedRequest> textReplies() {
        return graph.requests().stream().filter(request -> JSON.readTree(request.body()).path("message").has("text"))
                .toList();
    }

    private static String replyText(RecordedRequest request) {
        return JSON.readTree(request.body()).path("message").path("text").asString();
    }
}
