package dev.conversa.messenger;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.conversa.messenger.GraphStub.PAGE;
import static dev.conversa.messenger.GraphStub.PAGE_ID;
import static dev.conversa.messenger.GraphStub.PSID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import dev.conversa.testsupport.LoopbackWireMock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ThreadControlTest {

    @RegisterExtension
    static LoopbackWireMock wm = new LoopbackWireMock();

    private final ThreadControl handover = ThreadControl.builder().graph(GraphStub.client(wm)).build();

    private static String path(String action) {
        return "/v23.0/" + PAGE_ID + "/" + action;
    }

    @Test
    void passesTheThreadToThePageInboxByDefault() {
        wm.stubFor(post(path("pass_thread_control")).willReturn(okJson("{\"success\":true}")));

        boolean passed = handover.passThreadControl(PAGE, PSID, "customer asked for a person");

        assertThat(passed).isTrue();
        wm.verify(postRequestedFor(urlPathEqualTo(path("pass_thread_control")))
                .withHeader("Authorization", equalTo("Bearer " + GraphStub.TOKEN))
                .withRequestBody(equalToJson("{\"recipient\":{\"id\":\"" + PSID + "\"},"
                        + "\"target_app_id\":\"263902037430900\",\"metadata\":\"customer asked for a person\"}")));
    }

    @Test
    void passesTheThreadToAConfiguredApp() {
        wm.stubFor(post(path("pass_thread_control")).willReturn(okJson("{\"success\":true}")));
        ThreadControl toCrm = ThreadControl.builder().graph(GraphStub.client(wm)).targetAppId("555").build();

        toCrm.passThreadControl(PAGE, PSID, "");

        wm.verify(postRequestedFor(urlPathEqualTo(path("pass_thread_control"))).withRequestBody(equalToJson(
                "{\"recipient\":{\"id\":\"" + PSID + "\"},\"target_app_id\":\"555\"}")));
    }

    @Test
    void takesTheThreadBack() {
        wm.stubFor(post(path("take_thread_control")).willReturn(okJson("{\"success\":true}")));

        assertThat(handover.takeThreadControl(PAGE, PSID, "bot resumes")).isTrue();
        wm.verify(postRequestedFor(urlPathEqualTo(path("take_thread_control"))).withRequestBody(equalToJson(
                "{\"recipient\":{\"id\":\"" + PSID + "\"},\"metadata\":\"bot resumes\"}")));
    }

    @Test
    void requestsTheThread() {
        wm.stubFor(post(path("request_thread_control")).willReturn(okJson("{\"success\":true}")));

        assertThat(handover.requestThreadControl(PAGE, PSID, "")).isTrue();
        wm.verify(postRequestedFor(urlPathEqualTo(path("request_thread_control"))).withRequestBody(equalToJson(
                "{\"recipient\":{\"id\":\"" + PSID + "\"}}")));
    }

    @Test
    void usesTheLinkedPageForInstagramAccounts() {
        wm.stubFor(post("/v23.0/1063/pass_thread_control").willReturn(okJson("{\"success\":true}")));
        ChannelAccount instagram = new ChannelAccount(TenantId.of("acme"), ChannelType.INSTAGRAM, "178414",
                Secret.of("page-token"), Map.of(PageConnector.INSTAGRAM_PAGE_ID_SETTING, "1063"));

        assertThat(handover.passThreadControl(instagram, "1293847561029384", "")).isTrue();
    }

    @Test
    void refusesInstagramLoginAccountsBeforeAnyRequest() {
        ChannelAccount login = new ChannelAccount(TenantId.of("acme"), ChannelType.INSTAGRAM, "178414",
                Secret.of("ig-token"), Map.of(PageConnector.INSTAGRAM_LOGIN_SETTING, "true"));

        assertThatThrownBy(() -> handover.passThreadControl(login, "1293847561029384", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Instagram Login");
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesMetadataLongerThan1000Characters() {
        assertThatThrownBy(() -> handover.passThreadControl(PAGE, PSID, "m".repeat(1001)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1000");
    }

    @Test
    void sendsNothingWhenDisabled() {
        assertThat(ThreadControl.disabled().passThreadControl(PAGE, PSID, "")).isFalse();
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesToBuildWithoutAGraphClient() {
        assertThatThrownBy(() -> ThreadControl.builder().targetAppId("555").build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("graph is required");
    }

    @Test
    void refusesToBuildWithABlankTargetApp() {
        assertThatThrownBy(() -> ThreadControl.builder().graph(GraphStub.client(wm)).targetAppId(" ").build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("targetAppId must not be blank");
    }

    @Test
    void toBuilderKeepsTheGraphClientAndTheTargetApp() {
        wm.stubFor(post(path("pass_thread_control")).willReturn(okJson("{\"success\":true}")));
        ThreadControl original = ThreadControl.builder().graph(GraphStub.client(wm)).targetAppId("555").build();

        original.toBuilder().build().passThreadControl(PAGE, PSID, "");

        wm.verify(1, postRequestedFor(urlPathEqualTo(path("pass_thread_control"))).withRequestBody(equalToJson(
                "{\"recipient\":{\"id\":\"" + PSID + "\"},\"target_app_id\":\"555\"}")));
    }

    @Test
    void theBuilderOfTheDisabledInstanceNeedsAGraphClient() {
        assertThatThrownBy(() -> ThreadControl.disabled().toBuilder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("graph is required");
    }
}
