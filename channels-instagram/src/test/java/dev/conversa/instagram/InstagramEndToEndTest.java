package dev.conversa.instagram;

import static dev.conversa.e2e.ConversaRig.ACCESS_TOKEN;
import static dev.conversa.e2e.ConversaRig.APP_SECRET;
import static dev.conversa.e2e.ConversaRig.HOURS_ANSWER;
import static dev.conversa.e2e.ConversaRig.PATIENCE;
import static dev.conversa.e2e.ConversaRig.SIZE_ANSWER;
import static dev.conversa.e2e.ConversaRig.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.e2e.ConversaRig;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Direction;
import dev.conversa.model.MessageRecord;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.RecordedRequest;
import dev.conversa.testkit.instagram.InstagramWebhook;
import dev.conversa.testsupport.TestSignatures;
import dev.conversa.testsupport.WebhookPayloads;
import dev.conversa.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An Instagram webhook in, through the whole pipeline, a reply out to the Graph API stand-in, for
 * an account connected with Instagram Login (sends go to {@code /{ig-id}/messages} on the
 * Instagram host, here the stand-in too).
 */
class InstagramEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String IG_ID = "17841405822304914";
    private static final String PAGE_ID = "106372929211384";
    private static final String IGSID = "1293847561029384";
    private static final ConversationKey KEY = new ConversationKey(ChannelType.INSTAGRAM, IG_ID, IGSID);

    private final GraphStandIn graph = GraphStandIn.start();
    private ConversaRig rig = start(Map.of(InstagramChannel.LOGIN_SETTING, "true"));

    @AfterEach
    void stop() {
        rig.close();
        graph.close();
    }

    @Test
    void repliesToATextMessageAsTheInstagramAccount() {
        // when
        rig.deliver(text("aWdfZTJlMQ", "Do you have the jacket in size M?"));

        // then
        RecordedRequest reply = awaitTextReply();
        JsonNode body = JSON.readTree(reply.body());
        assertThat(reply.path()).isEqualTo("/v23.0/" + IG_ID + "/messages");
        assertThat(reply.header("Authorization")).contains("Bearer " + ACCESS_TOKEN);
        assertThat(body.path("recipient").path("id").asString()).isEqualTo(IGSID);
        assertThat(body.path("messaging_type").asString()).isEqualTo("RESPONSE");
        assertThat(body.path("message").path("text").asString()).isEqualTo(SIZE_ANSWER);
        assertThat(body.path("message").has("metadata")).as("Instagram documents no metadata").isFalse();
    }

    @Test
    void repliesThroughTheLinkedPageForAFacebookLoginAccount() {
        // given
        rig.close();
        rig = start(Map.of(InstagramChannel.PAGE_ID_SETTING, PAGE_ID));

        // when
        rig.deliver(text("aWdfZTJlMQ", "Do you have the jacket in size M?"));

        // then
        RecordedRequest reply = awaitTextReply();
        assertThat(reply.path()).isEqualTo("/v23.0/" + PAGE_ID + "/messages");
        assertThat(JSON.readTree(reply.body()).path("recipient").path("id").asString()).isEqualTo(IGSID);
    }

    @Test
    void recordsTheInboundAndTheSentReplyWithInstagramsMessageId() {
        // when
        rig.deliver(text("aWdfZTJlMQ", "Do you have the jacket in size M?"));

        // then
        MessageRecord sent = rig.awaitSent(KEY, SIZE_ANSWER);
        assertThat(sent.messageId()).startsWith("m_");
        assertThat(rig.history(KEY))
                .extracting(MessageRecord::messageId, MessageRecord::direction, MessageRecord::status)
                .containsExactly(
                        tuple("aWdfZTJlMQ", Direction.INBOUND, DeliveryStatus.DELIVERED),
                        tuple(sent.messageId(), Direction.OUTBOUND, DeliveryStatus.SENT));
    }

    @Test
    void answersARedeliveredWebhookOnce() {
        // given
        rig.deliver(text("aWdfZTJlMQ", "Do you have the jacket in size M?"));
        rig.awaitSent(KEY, SIZE_ANSWER);

        // when: Meta delivers it again, to this instance and after a restart, which forgot it
        rig.deliver(text("aWdfZTJlMQ", "Do you have the jacket in size M?"));
        rig.restart();
        rig.deliver(text("aWdfZTJlMQ", "Do you have the jacket in size M?"));
        rig.deliver(text("aWdfZTJlMg", "When do you open?"));
        rig.awaitSent(KEY, HOURS_ANSWER);
        rig.awaitIdle();

        // then
        assertThat(rig.storedEventIds()).containsExactly("aWdfZTJlMQ", "aWdfZTJlMg");
        assertThat(rig.responderCalls()).isEqualTo(2);
        assertThat(textReplies()).extracting(InstagramEndToEndTest::replyText).containsExactly(SIZE_ANSWER, HOURS_ANSWER);
    }

    @Test
    void keepsTheBotOnTheEchoOfItsOwnReplyByItsMessageId() {
        // given
        rig.deliver(text("aWdfZTJlMQ", "Do you have the jacket in size M?"));
        MessageRecord sent = rig.awaitSent(KEY, SIZE_ANSWER);

        // when: Instagram echoes carry neither an app id nor metadata
        rig.deliver(InstagramWebhook.account(IG_ID).at(Instant.now()).echo(IGSID, sent.messageId(), SIZE_ANSWER, null)
                .signed(APP_SECRET));
        rig.deliver(text("aWdfZTJlMg", "When do you open?"));
        rig.awaitSent(KEY, HOURS_ANSWER);

        // then
        assertThat(rig.state(KEY)).isEqualTo(ConversationState.BOT);
    }

    @Test
    void handsTheConversationToAPersonOnAnEchoFromTheInstagramApp() {
        // given
        rig.deliver(text("aWdfZTJlMQ", "Do you have the jacket in size M?"));
        rig.awaitSent(KEY, SIZE_ANSWER);

        // when
        rig.deliver(InstagramWebhook.account(IG_ID).at(Instant.now())
                .echo(IGSID, "aWdfYWdlbnQx", "Hi, Sam here.", null).signed(APP_SECRET));
        rig.deliver(text("aWdfZTJlMg", "When do you open?"));
        rig.awaitIdle();

        // then
        assertThat(rig.state(KEY)).isEqualTo(ConversationState.WITH_AGENT);
        assertThat(textReplies()).extracting(InstagramEndToEndTest::replyText).containsExactly(SIZE_ANSWER);
    }

    @Test
    void keepsTheCustomersStandbyTextInTheHistoryWithoutABotReply() {
        // when: another app holds the thread
        String now = Long.toString(Instant.now().toEpochMilli());
        rig.deliver(TestSignatures.signedPost(new String(WebhookPayloads.bytes("instagram", "standby"),
                StandardCharsets.UTF_8).replace("1732363200123", now).replace("1732363200623", now),
                APP_SECRET.reveal()));
        rig.awaitIdle();

        // then
        assertThat(rig.history(KEY)).extracting(MessageRecord::messageId, MessageRecord::direction, MessageRecord::text)
                .containsExactly(tuple("aWdfc3RhbmRieTE", Direction.INBOUND, Optional.of("Still there?")));
        assertThat(rig.state(KEY)).isEqualTo(ConversationState.WITH_AGENT);
        assertThat(rig.responderCalls()).isZero();
        assertThat(graph.requests()).isEmpty();
    }

    private ConversaRig start(Map<String, String> settings) {
        ChannelAccount account = new ChannelAccount(TENANT, ChannelType.INSTAGRAM, IG_ID, Secret.of(ACCESS_TOKEN),
                settings);
        return ConversaRig.start(InstagramChannel.builder().loginBaseUrl(graph.baseUrl()).build(), account, graph.baseUrl(),
                UnaryOperator.identity());
    }

    private static WebhookRequest text(String mid, String body) {
        return InstagramWebhook.account(IG_ID).at(Instant.now()).text(IGSID, mid, body).signed(APP_SECRET);
    }

    private RecordedRequest awaitTextReply() {
        return await().atMost(PATIENCE).until(this::textReplies, replies -> !replies.isEmpty()).get(0);
    }

    private List<RecordedRequest> textReplies() {
        return graph.requests().stream().filter(request -> JSON.readTree(request.body()).path("message").has("text"))
                .toList();
    }

    private static String replyText(RecordedRequest request) {
        return JSON.readTree(request.body()).path("message").path("text").asString();
    }
}
