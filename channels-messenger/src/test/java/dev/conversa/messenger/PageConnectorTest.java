package dev.conversa.messenger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.graph.GraphApiException;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import dev.conversa.testsupport.LoopbackWireMock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PageConnectorTest {

    @RegisterExtension
    static LoopbackWireMock wm = new LoopbackWireMock();

    private static final String USER_TOKEN = "EAAG-user-token";
    private static final TenantId ACME = TenantId.of("acme");

    private final PageConnector connector = PageConnector.builder().graph(GraphStub.client(wm)).build();

    private static ManagedPage page(Optional<InstagramAccount> instagram) {
        return new ManagedPage("1063", "Acme Shoes", Secret.of("page-token"), List.of("MESSAGING"), instagram);
    }

    @Test
    void listsPagesAcrossEveryPageOfResults() {
        // given
        wm.stubFor(get(urlPathEqualTo("/v23.0/me/accounts")).withQueryParam("after", equalTo("QVFIUlYx"))
                .willReturn(okJson("{\"data\":[{\"id\":\"2002\",\"name\":\"Acme Outlet\",\"access_token\":\"pt-2\","
                        + "\"tasks\":[\"ANALYZE\"]}],\"paging\":{\"cursors\":{\"before\":\"QVFIUlYx\","
                        + "\"after\":\"QVFIUlYy\"}}}")));
        wm.stubFor(get(urlPathEqualTo("/v23.0/me/accounts")).withQueryParam("after", com.github.tomakehurst.wiremock
                        .client.WireMock.absent())
                .willReturn(okJson("{\"data\":[{\"id\":\"1063\",\"name\":\"Acme Shoes\",\"access_token\":\"pt-1\","
                        + "\"tasks\":[\"MESSAGING\",\"MANAGE\"],\"instagram_business_account\":{\"id\":\"178414\","
                        + "\"username\":\"acme.shoes\"}}],\"paging\":{\"cursors\":{\"before\":\"QVFIUlYw\","
                        + "\"after\":\"QVFIUlYx\"},\"next\":\"https://graph.facebook.com/v23.0/me/accounts?after=QVFIUlYx\"}}")));

        // when
        List<ManagedPage> pages = connector.listPages(Secret.of(USER_TOKEN));

        // then
        assertThat(pages).containsExactly(
                new ManagedPage("1063", "Acme Shoes", Secret.of("pt-1"), List.of("MESSAGING", "MANAGE"),
                        Optional.of(new InstagramAccount("178414", Optional.of("acme.shoes")))),
                new ManagedPage("2002", "Acme Outlet", Secret.of("pt-2"), List.of("ANALYZE"), Optional.empty()));
        assertThat(pages.get(0).canMessage()).isTrue();
        assertThat(pages.get(1).canMessage()).isFalse();
        wm.verify(2, getRequestedFor(urlPathEqualTo("/v23.0/me/accounts"))
                .withQueryParam("fields", equalTo("id,name,access_token,tasks,instagram_business_account{id,username}"))
                .withHeader("Authorization", equalTo("Bearer " + USER_TOKEN)));
    }

    @Test
    void reportsAnExpiredUserTokenAsCode190() {
        wm.stubFor(get(urlPathEqualTo("/v23.0/me/accounts")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(GraphStub.graphError(190, 463, "Error validating access token: Session has expired"))));

        assertThatThrownBy(() -> connector.listPages(Secret.of(USER_TOKEN)))
                .isInstanceOfSatisfying(GraphApiException.class, e -> {
                    assertThat(e.code()).hasValue(190);
                    assertThat(e.subcode()).hasValue(463);
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage()).doesNotContain(USER_TOKEN);
                });
    }

    @Test
    void connectsAPageBySubscribingItsWebhookFields() {
        // given
        wm.stubFor(post(urlPathEqualTo("/v23.0/1063/subscribed_apps")).willReturn(okJson("{\"success\":true}")));

        // when
        ChannelAccount account = connector.connect(ACME, page(Optional.empty()));

        // then
        assertThat(account).isEqualTo(ChannelAccount.of(ACME, ChannelType.MESSENGER, "1063", Secret.of("page-token")));
        wm.verify(postRequestedFor(urlPathEqualTo("/v23.0/1063/subscribed_apps"))
                .withQueryParam("subscribed_fields", equalTo("messages,messaging_postbacks,message_echoes,"
                        + "message_reads,message_deliveries,message_reactions,messaging_referrals,messaging_optins,"
                        + "messaging_handovers,standby,message_edits"))
                .withHeader("Authorization", equalTo("Bearer page-token")));
    }

    @Test
    void findsTheInstagramAccountLinkedToAPage() {
        wm.stubFor(get(urlPathEqualTo("/v23.0/1063")).withQueryParam("fields",
                        equalTo("instagram_business_account{id,username}"))
                .willReturn(okJson("{\"instagram_business_account\":{\"id\":\"178414\",\"username\":\"acme.shoes\"},"
                        + "\"id\":\"1063\"}")));

        assertThat(connector.findInstagramAccount("1063", Secret.of("page-token")))
                .contains(new InstagramAccount("178414", Optional.of("acme.shoes")));
    }

    @Test
    void findsNoInstagramAccountWhenNoneIsLinked() {
        wm.stubFor(get(urlPathEqualTo("/v23.0/1063")).willReturn(okJson("{\"id\":\"1063\"}")));

        assertThat(connector.findInstagramAccount("1063", Secret.of("page-token"))).isEmpty();
    }

    @Test
    void makesTheInstagramAccountOfAPageWithThePageIdSetting() {
        ManagedPage page = page(Optional.of(new InstagramAccount("178414", Optional.empty())));

        assertThat(connector.instagramAccountOf(ACME, page)).isEqualTo(new ChannelAccount(ACME, ChannelType.INSTAGRAM,
                "178414", Secret.of("page-token"), Map.of(PageConnector.INSTAGRAM_PAGE_ID_SETTING, "1063")));
    }

    @Test
    void refusesTheInstagramAccountOfAPageWithoutOne() {
        assertThatThrownBy(() -> connector.instagramAccountOf(ACME, page(Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Page 1063");
    }

    @Test
    void connectRecordsTheAppUserWhoConnectedThePage() {
        wm.stubFor(post(urlPathEqualTo("/v23.0/1063/subscribed_apps")).willReturn(okJson("{\"success\":true}")));

        ChannelAccount account = connector.connect(ACME, page(Optional.empty()), "10158000000000001");

        assertThat(account.appUserId()).contains("10158000000000001");
        assertThat(account.accountId()).isEqualTo("1063");
        wm.verify(postRequestedFor(urlPathEqualTo("/v23.0/1063/subscribed_apps")));
    }

    @Test
    void disconnectsAPageByUnsubscribing() {
        wm.stubFor(delete(urlPathEqualTo("/v23.0/1063/subscribed_apps")).willReturn(okJson("{\"success\":true}")));

        connector.disconnect(ChannelAccount.of(ACME, ChannelType.MESSENGER, "1063", Secret.of("page-token")));

        wm.verify(deleteRequestedFor(urlPathEqualTo("/v23.0/1063/subscribed_apps"))
                .withHeader("Authorization", equalTo("Bearer page-token")));
    }

    @Test
    void refusesToBuildWithoutAGraphClient() {
        assertThatThrownBy(() -> PageConnector.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("graph is required");
    }

    @Test
    void refusesToBuildWithoutAWebhookField() {
        assertThatThrownBy(() -> PageConnector.builder().graph(GraphStub.client(wm)).subscribedFields(List.of()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("subscribedFields must hold");
    }

    @Test
    void toBuilderKeepsTheGraphClientAndTheWebhookFields() {
        // given
        wm.stubFor(post(urlPathEqualTo("/v23.0/1063/subscribed_apps")).willReturn(okJson("{\"success\":true}")));
        PageConnector original = PageConnector.builder().graph(GraphStub.client(wm))
                .subscribedFields(List.of("messages", "standby")).build();

        // when
        PageConnector copy = original.toBuilder().build();
        copy.connect(ACME, page(Optional.empty()));

        // then
        wm.verify(1, postRequestedFor(urlPathEqualTo("/v23.0/1063/subscribed_apps")));
        wm.verify(postRequestedFor(urlPathEqualTo("/v23.0/1063/subscribed_apps"))
                .withQueryParam("subscribed_fields", equalTo("messages,standby")));
    }
}
