package dev.conversa.messenger;

import static dev.conversa.e2e.ConversaRig.APP_SECRET;
import static dev.conversa.e2e.ConversaRig.HANDOFF_MESSAGE;
import static dev.conversa.e2e.ConversaRig.PATIENCE;
import static dev.conversa.e2e.ConversaRig.TENANT;
import static dev.conversa.messenger.MessengerE2e.JSON;
import static dev.conversa.messenger.MessengerE2e.KEY;
import static dev.conversa.messenger.MessengerE2e.PAGE;
import static dev.conversa.messenger.MessengerE2e.PSID;
import static dev.conversa.messenger.MessengerE2e.text;
import static dev.conversa.messenger.MessengerE2e.textReplies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.e2e.ConversaRig;
import dev.conversa.graph.GraphClient;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationState;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.RecordedRequest;
import dev.conversa.testkit.messenger.MessengerGraphEndpoints;
import dev.conversa.testkit.messenger.MessengerWebhook;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Meta's handover protocol kept in step with who answers, end to end: the bot hands off, the
 * thread goes to the Page inbox; the host gives the conversation back, the thread comes back.
 */
class MessengerHandoverEndToEndTest {

    private final GraphStandIn graph = GraphStandIn.start();
    private final ConversaRig rig = ConversaRig.start(MessengerChannel.create(),
            ChannelAccount.of(TENANT, ChannelType.MESSENGER, PAGE, Secret.of(ConversaRig.ACCESS_TOKEN)),
            graph.baseUrl(), builder -> builder.stateListener(HandoverProtocol.builder().threadControl(ThreadControl.builder()
                    .graph(GraphClient.builder().baseUrl(graph.baseUrl()).allowInsecureLoopbackForTests(true).build())
                    .build()).build()));

    @BeforeEach
    void answerHandoverCalls() {
        MessengerGraphEndpoints.of(graph).page(PAGE, "Acme", ConversaRig.ACCESS_TOKEN, null).install();
    }

    @AfterEach
    void stop() {
        rig.close();
        graph.close();
    }

    @Test
    void passesTheThreadToThePageInboxWhenTheCustomerAsksForAPerson() {
        // when
        rig.deliver(text("m_e2e_1", "Can I talk to an agent?"));

        // then
        JsonNode pass = JSON.readTree(awaitCall("pass_thread_control").body());
        assertThat(pass.path("recipient").path("id").asString()).isEqualTo(PSID);
        assertThat(pass.path("target_app_id").asString()).isEqualTo(ThreadControl.PAGE_INBOX_APP_ID);
        rig.awaitSent(KEY, HANDOFF_MESSAGE);
        assertThat(rig.state(KEY)).isEqualTo(ConversationState.WAITING_FOR_AGENT);
        List<String> order = graph.requests().stream().map(r -> r.path().endsWith("pass_thread_control") ? "pass"
                : r.body().contains(HANDOFF_MESSAGE) ? "handoff message" : "other").filter(s -> !s.equals("other"))
                .toList();
        assertThat(order).as("the bot's last word goes out before the thread is passed")
                .containsExactly("handoff message", "pass");
    }

    @Test
    void takesTheThreadBackWhenTheHostGivesTheConversationBackToTheBot() {
        // given
        rig.deliver(text("m_e2e_1", "Can I talk to an agent?"));
        awaitCall("pass_thread_control");

        // when
        rig.conversa().conversations().changeState(TENANT, KEY, ConversationState.BOT);

        // then
        JsonNode take = JSON.readTree(awaitCall("take_thread_control").body());
        assertThat(take.path("recipient").path("id").asString()).isEqualTo(PSID);
    }

    @Test
    void staysSilentOnStandbyMessagesWhileThePageInboxHoldsTheThread() {
        // given
        rig.deliver(text("m_e2e_1", "Can I talk to an agent?"));
        rig.awaitSent(KEY, HANDOFF_MESSAGE);

        // when
        rig.deliver(MessengerWebhook.page(PAGE).at(Instant.now()).standbyText(PSID, "m_e2e_2", "When do you open?")
                .signed(APP_SECRET));
        rig.awaitIdle();

        // then
        assertThat(rig.state(KEY)).isEqualTo(ConversationState.WITH_AGENT);
        assertThat(textReplies(graph)).extracting(MessengerE2e::replyText).containsExactly(HANDOFF_MESSAGE);
    }

    private RecordedRequest awaitCall(String action) {
        String path = "/v23.0/" + PAGE + "/" + action;
        return await().atMost(PATIENCE).until(() -> graph.requests().stream()
                .filter(request -> request.path().equals(path)).findFirst(), Optional::isPresent).get();
    }
}
