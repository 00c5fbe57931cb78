package dev.conversa.instagram;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.graph.GraphClient;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import dev.conversa.testsupport.LoopbackWireMock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An Instagram account is unsubscribed through its Page, or on the Instagram host when it uses Instagram Login. */
class InstagramUnsubscribeTest {

    @RegisterExtension
    static LoopbackWireMock facebook = new LoopbackWireMock();

    @RegisterExtension
    static LoopbackWireMock instagram = new LoopbackWireMock();

    private static final String PAGE_ID = "106372929211384";

    private final InstagramChannel channel = InstagramChannel.create();
    private final GraphClient graph = GraphClient.builder()
            .baseUrl(facebook.baseUri()).apiVersion("v23.0").maxAttempts(1).build();

    private static ChannelAccount account(Map<String, String> settings) {
        return new ChannelAccount(TenantId.of("acme"), ChannelType.INSTAGRAM, Fixtures.IG_ID, Secret.of("page-token"),
                settings);
    }

    @Test
    void unsubscribesTheLinkedPageWithThePageToken() {
        facebook.stubFor(delete(urlPathEqualTo("/v23.0/" + PAGE_ID + "/subscribed_apps"))
                .willReturn(okJson("{\"success\":true}")));
        ChannelAccount viaPage = account(Map.of(InstagramChannel.PAGE_ID_SETTING, PAGE_ID));

        channel.unsubscribe(viaPage, graph);

        facebook.verify(1, deleteRequestedFor(urlPathEqualTo("/v23.0/" + PAGE_ID + "/subscribed_apps"))
                .withHeader("Authorization", equalTo("Bearer page-token")));
        assertThat(channel.subscription(viaPage)).contains(PAGE_ID);
    }

    @Test
    void makesNoCallForAnAccountThroughAPageWithoutItsId() {
        channel.unsubscribe(account(Map.of()), graph);

        facebook.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void unsubscribesAnInstagramLoginAccountOnTheInstagramHostWithItsOwnToken() {
        instagram.stubFor(delete(urlPathEqualTo("/v23.0/" + Fixtures.IG_ID + "/subscribed_apps"))
                .willReturn(okJson("{\"success\":true}")));
        InstagramChannel withLoginHost = InstagramChannel.builder().loginBaseUrl(instagram.baseUri()).build();
        ChannelAccount login = account(Map.of(InstagramChannel.LOGIN_SETTING, "true", InstagramChannel.PAGE_ID_SETTING,
                PAGE_ID));

        withLoginHost.unsubscribe(login, graph);

        instagram.verify(1, deleteRequestedFor(urlPathEqualTo("/v23.0/" + Fixtures.IG_ID + "/subscribed_apps"))
                .withHeader("Authorization", equalTo("Bearer page-token")));
        facebook.verify(0, anyRequestedFor(anyUrl()));
        assertThat(withLoginHost.subscription(login)).as("its own subscription, shared with no other account").isEmpty();
    }
}
