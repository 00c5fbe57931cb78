package dev.conversa.messenger;

import static dev.conversa.e2e.ConversaRig.APP_SECRET;
import static dev.conversa.e2e.ConversaRig.HOURS_ANSWER;
import static dev.conversa.e2e.ConversaRig.SIZE_ANSWER;
import static dev.conversa.messenger.MessengerE2e.JSON;
import static dev.conversa.messenger.MessengerE2e.KEY;
import static dev.conversa.messenger.MessengerE2e.PAGE;
import static dev.conversa.messenger.MessengerE2e.PSID;
import static dev.conversa.messenger.MessengerE2e.text;
import static dev.conversa.messenger.MessengerE2e.textReplies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.EchoMarker;
import dev.conversa.e2e.ConversaRig;
import dev.conversa.model.Author;
import dev.conversa.model.ConversationState;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.OutboundMessage;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.SignedWebhook;
import dev.conversa.testkit.messenger.MessengerWebhook;
import dev.conversa.webhook.WebhookRequest;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who answers on Messenger, end to end: an echo from another app or a thread taken by another app
 * hands the conversation to a person, the echo of our own reply does not, and then only a
 * person's message goes out. The host configured no Meta app id, so only the echo metadata tells
 * our echoes apart before the outbox recorded their ids.
 */
class MessengerOwnershipEndToEndTest {

    private static final String OUR_APP = "1517776481860111";
    private static final String INBOX_APP = "263902037430900";

    private final GraphStandIn graph = GraphStandIn.start();
    private final ConversaRig rig = ConversaRig.start(MessengerChannel.create(), PAGE, graph.baseUrl());

    @AfterEach
    void stop() {
        rig.close();
        graph.close();
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
        assertThat(textReplies(graph)).extracting(MessengerE2e::replyText).containsExactly(SIZE_ANSWER);
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
        assertThat(textReplies(graph)).extracting(MessengerE2e::replyText).containsExactly(SIZE_ANSWER, HOURS_ANSWER);
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
        assertThat(textReplies(graph)).extracting(MessengerE2e::replyText).containsExactly(SIZE_ANSWER);
    }

    @Test
    void sendsAnAgentsReplyButNotTheBotsWhileAPersonHoldsTheConversation() {
        // given
        rig.deliver(text("m_e2e_1", "Do you have the jacket in size M?"));
        rig.awaitSent(KEY, SIZE_ANSWER);
        rig.conversa().conversations().changeState(ConversaRig.TENANT, KEY, ConversationState.WITH_AGENT);

        // when
        rig.conversa().send(ConversaRig.TENANT, OutboundMessage.text(KEY, "The bot insists."));
        rig.conversa().send(ConversaRig.TENANT, OutboundMessage.text(KEY, "Sam here: yes, M is left.").by(Author.AGENT));
        rig.awaitSent(KEY, "Sam here: yes, M is left.");
        rig.awaitIdle();

        // then
        assertThat(textReplies(graph)).extracting(MessengerE2e::replyText)
                .containsExactly(SIZE_ANSWER, "Sam here: yes, M is left.");
    }

    /** The echo Meta sends for a message this library sent: our app id and our metadata marker. */
    private static WebhookRequest ourEcho(String mid, String body) {
        JsonNode root = JSON.readTree(MessengerWebhook.page(PAGE).at(Instant.now()).echo(PSID, mid, body, OUR_APP).json());
        ((ObjectNode) root.path("entry").path(0).path("messaging").path(0).path("message"))
                .put("metadata", EchoMarker.VALUE);
        return SignedWebhook.builder().appSecret(APP_SECRET).metaJson(root.toString()).build();
    }
}
