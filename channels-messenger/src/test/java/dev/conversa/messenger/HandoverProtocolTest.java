package dev.conversa.messenger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.conversa.messenger.GraphStub.PAGE;
import static dev.conversa.messenger.GraphStub.PAGE_ID;
import static dev.conversa.messenger.GraphStub.PSID;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.conversation.StateChange;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.testsupport.LoopbackWireMock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HandoverProtocolTest {

    @RegisterExtension
    static LoopbackWireMock wm = new LoopbackWireMock();

    private final HandoverProtocol protocol =
            HandoverProtocol.builder()
                    .threadControl(ThreadControl.builder().graph(GraphStub.client(wm)).build())
                    .build();

    @Test
    void buildNamesTheMissingThreadControl() {
        assertThatThrownBy(() -> HandoverProtocol.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("threadControl is required: call HandoverProtocol.builder().threadControl(");
    }

    @Test
    void passesTheThreadToThePageInboxWhenAPersonTakesOver() {
        wm.stubFor(post(path("pass_thread_control")).willReturn(okJson("{\"success\":true}")));

        protocol.stateChanged(change(PAGE, ConversationState.BOT, ConversationState.WAITING_FOR_AGENT,
                StateChange.Origin.RESPONDER));

        wm.verify(postRequestedFor(urlPathEqualTo(path("pass_thread_control"))).withRequestBody(equalToJson(
                "{\"recipient\":{\"id\":\"" + PSID + "\"},\"target_app_id\":\"" + ThreadControl.PAGE_INBOX_APP_ID
                        + "\",\"metadata\":\"conversa: a person takes over\"}")));
    }

    @Test
    void takesTheThreadBackWhenTheBotResumes() {
        wm.stubFor(post(path("take_thread_control")).willReturn(okJson("{\"success\":true}")));

        protocol.stateChanged(change(PAGE, ConversationState.WITH_AGENT, ConversationState.BOT,
                StateChange.Origin.HOST));

        wm.verify(postRequestedFor(urlPathEqualTo(path("take_thread_control"))));
    }

    @Test
    void leavesChangesTheChannelReportedAlone() {
        protocol.stateChanged(change(PAGE, ConversationState.BOT, ConversationState.WITH_AGENT,
                StateChange.Origin.CHANNEL));

        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void leavesInstagramLoginAccountsAlone() {
        ChannelAccount login = new ChannelAccount(PAGE.tenant(), ChannelType.INSTAGRAM, "17841400000000001",
                Secret.of("ig-token"), Map.of(PageConnector.INSTAGRAM_LOGIN_SETTING, "true"));

        protocol.stateChanged(change(login, ConversationState.BOT, ConversationState.WAITING_FOR_AGENT,
                StateChange.Origin.RESPONDER));

        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void doesNotCallBetweenTwoStatesAPersonHolds() {
        protocol.stateChanged(change(PAGE, ConversationState.WAITING_FOR_AGENT, ConversationState.WITH_AGENT,
                StateChange.Origin.HOST));

        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRefusedCallIsLoggedNotThrown() {
        wm.stubFor(post(path("pass_thread_control")).willReturn(aResponse().withStatus(400)
                .withBody(GraphStub.graphError(10, 2018300, "not the primary receiver"))));

        assertThatCode(() -> protocol.stateChanged(change(PAGE, ConversationState.BOT,
                ConversationState.WAITING_FOR_AGENT, StateChange.Origin.HOST))).doesNotThrowAnyException();
        wm.verify(1, postRequestedFor(urlPathEqualTo(path("pass_thread_control"))));
    }

    private static StateChange change(ChannelAccount account, ConversationState from, ConversationState to,
            StateChange.Origin origin) {
        return new StateChange(account.tenant(), new ConversationKey(account.channel(), account.accountId(), PSID),
                from, to, origin, Optional.of(account));
    }

    private static String path(String action) {
        return "/v23.0/" + PAGE_ID + "/" + action;
    }
}
