package dev.conversa.whatsapp;

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
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.RecordedRequest;
import dev.conversa.testkit.whatsapp.WhatsAppCustomer;
import dev.conversa.testkit.whatsapp.WhatsAppMessage;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
import dev.conversa.webhook.WebhookRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A WhatsApp webhook in, through the whole pipeline, a reply out to the Graph API stand-in. */
class WhatsAppEndToEndTest {

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
    void repliesToATextMessageThroughTheGraphApi() {
        // when
        rig.deliver(text("wamid.e2e.1", "Do you have the jacket in size M?"));

        // then
        RecordedRequest reply = awaitTextReplies(1).get(0);
        JsonNode body = JSON.readTree(reply.body());
        assertThat(reply.method()).isEqualTo("POST");
        assertThat(reply.path()).isEqualTo("/v23.0/" + NUMBER + "/messages");
        assertThat(reply.header("Authorization")).contains("Bearer " + ACCESS_TOKEN);
        assertThat(body.path("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(body.path("to").asString()).isEqualTo(CUSTOMER);
        assertThat(body.path("text").path("body").asString()).isEqualTo(SIZE_ANSWER);
        assertThat(body.has("context")).as("the bot's reply quotes no message").isFalse();
    }

    @Test
    void recordsTheInboundAndTheSentReplyWithWhatsAppsMessageId() {
        // when
        rig.deliver(text("wamid.e2e.1", "Do you have the jacket in size M?"));

        // then
        MessageRecord sent = rig.awaitSent(KEY, SIZE_ANSWER);
        assertThat(sent.messageId()).startsWith("wamid.").isNotEqualTo("wamid.e2e.1");
        assertThat(rig.history(KEY))
                .extracting(MessageRecord::messageId, MessageRecord::direction, MessageRecord::status)
                .containsExactly(
                        tuple("wamid.e2e.1", Direction.INBOUND, DeliveryStatus.DELIVERED),
                        tuple(sent.messageId(), Direction.OUTBOUND, DeliveryStatus.SENT));
    }

    @Test
    void answersARedeliveredWebhookOnce() {
        // given
        rig.deliver(text("wamid.e2e.1", "Do you have the jacket in size M?"));
        rig.awaitSent(KEY, SIZE_ANSWER);

        // when: Meta delivers it again, to this instance and after a restart, which forgot it
        rig.deliver(text("wamid.e2e.1", "Do you have the jacket in size M?"));
        rig.restart();
        rig.deliver(text("wamid.e2e.1", "Do you have the jacket in size M?"));
        rig.deliver(text("wamid.e2e.2", "When do you open?"));
        rig.awaitSent(KEY, HOURS_ANSWER);
        rig.awaitIdle();

        // then
        assertThat(rig.storedEventIds()).containsExactly("wamid.e2e.1", "wamid.e2e.2");
        assertThat(rig.responderCalls()).isEqualTo(2);
        assertThat(textReplies()).extracting(request -> JSON.readTree(request.body()).path("text").path("body").asString())
                .containsExactly(SIZE_ANSWER, HOURS_ANSWER);
    }

    @Test
    void marksTheCustomersMessageReadWithTypingBeforeTheReply() {
        // when
        rig.deliver(text("wamid.e2e.1", "Do you have the jacket in size M?"));
        awaitTextReplies(1);

        // then
        List<JsonNode> bodies = graph.requests().stream().map(request -> JSON.readTree(request.body())).toList();
        assertThat(bodies).filteredOn(body -> body.has("status")).singleElement().satisfies(body -> {
            assertThat(body.path("status").asString()).isEqualTo("read");
            assertThat(body.path("message_id").asString()).isEqualTo("wamid.e2e.1");
            assertThat(body.path("typing_indicator").path("type").asString()).isEqualTo("text");
        });
        assertThat(bodies.get(bodies.size() - 1).path("type").asString()).isEqualTo("text");
    }

    @Test
    void movesTheReplysStatusForwardFromStatusWebhooks() {
        // given
        rig.deliver(text("wamid.e2e.1", "Do you have the jacket in size M?"));
        String wamid = rig.awaitSent(KEY, SIZE_ANSWER).messageId();

        // when
        rig.deliver(WhatsAppWebhook.builder().at(Instant.now()).status(wamid, CUSTOMER, "read").signed(APP_SECRET));
        rig.deliver(WhatsAppWebhook.builder().at(Instant.now()).status(wamid, CUSTOMER, "delivered").signed(APP_SECRET));
        rig.awaitIdle();

        // then
        assertThat(rig.history(KEY)).filteredOn(message -> message.messageId().equals(wamid))
                .extracting(MessageRecord::status).containsExactly(DeliveryStatus.READ);
    }

    @Test
    void handsTheConversationToAPersonWhoAnswersFromTheBusinessApp() {
        // given
        rig.deliver(text("wamid.e2e.1", "Do you have the jacket in size M?"));
        rig.awaitSent(KEY, SIZE_ANSWER);

        // when
        rig.deliver(WhatsAppWebhook.builder().at(Instant.now())
                .echo(CUSTOMER, WhatsAppMessage.text("wamid.app.1", "Hi, Sam here, let me check.")).signed(APP_SECRET));
        rig.deliver(text("wamid.e2e.2", "When do you open?"));
        rig.awaitIdle();

        // then
        assertThat(rig.state(KEY)).isEqualTo(ConversationState.WITH_AGENT);
        assertThat(textReplies()).hasSize(1);
        assertThat(rig.history(KEY)).extracting(MessageRecord::messageId).endsWith("wamid.app.1", "wamid.e2e.2");
    }

    @Test
    void acknowledgesAWebhookOfAnUnknownNumberAndAnswersNothing() {
        // when
        rig.deliver(WhatsAppWebhook.builder().business("999000999000", "15550000000").at(Instant.now())
                .message(KERRY, WhatsAppMessage.text("wamid.other.1", "Do you have size M?")).signed(APP_SECRET));
        rig.awaitIdle();

        // then
        assertThat(graph.requests()).isEmpty();
        assertThat(rig.conversa().conversations().list(ConversaRig.TENANT, 10)).isEmpty();
    }

    @Test
    void repliesToACustomerWhoHidesTheirPhoneNumberByUserId() {
        // given
        String userId = "US.13491208655302741918";
        WhatsAppCustomer hidden = WhatsAppCustomer.withoutPhone(userId, "Kerry Fisher", "kerry.f");

        // when
        rig.deliver(WhatsAppWebhook.builder().at(Instant.now())
                .message(hidden, WhatsAppMessage.text("wamid.e2e.9", "Do you have size M?")).signed(APP_SECRET));

        // then
        JsonNode body = JSON.readTree(awaitTextReplies(1).get(0).body());
        assertThat(body.path("recipient").asString()).isEqualTo(userId);
        assertThat(body.has("to")).isFalse();
        rig.awaitSent(new ConversationKey(ChannelType.WHATSAPP, NUMBER, userId), SIZE_ANSWER);
    }

    private static WebhookRequest text(String id, String body) {
        return WhatsAppWebhook.builder().at(Instant.now()).message(KERRY, WhatsAppMessage.text(id, body))
                .signed(APP_SECRET);
    }

    private List<RecordedRequest> awaitTextReplies(int count) {
        return await().atMost(PATIENCE).until(this::textReplies, replies -> replies.size() >= count);
    }

    private List<RecordedRequest> textReplies() {
        return graph.requests().stream()
                .filter(request -> "text".equals(JSON.readTree(request.body()).path("type").asString(null)))
                .toList();
    }
}
