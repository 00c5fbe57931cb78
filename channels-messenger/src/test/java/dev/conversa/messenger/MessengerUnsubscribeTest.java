package dev.conversa.messenger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.graph.GraphApiException;
import dev.conversa.testsupport.LoopbackWireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Disconnecting a Page account unsubscribes the app from the Page through the channel SPI. */
class MessengerUnsubscribeTest {

    @RegisterExtension
    static LoopbackWireMock wm = new LoopbackWireMock();

    private static final String SUBSCRIBED_APPS = "/v23.0/" + GraphStub.PAGE_ID + "/subscribed_apps";

    private final MessengerChannel channel = MessengerChannel.create();

    @Test
    void unsubscribesThePageWithItsToken() {
        wm.stubFor(delete(urlPathEqualTo(SUBSCRIBED_APPS)).willReturn(okJson("{\"success\":true}")));

        channel.unsubscribe(GraphStub.PAGE, GraphStub.client(wm));

        wm.verify(1, deleteRequestedFor(urlPathEqualTo(SUBSCRIBED_APPS))
                .withHeader("Authorization", equalTo("Bearer " + GraphStub.TOKEN)));
    }

    @Test
    void theSubscriptionIsThePageItself() {
        assertThat(channel.subscription(GraphStub.PAGE)).contains(GraphStub.PAGE_ID);
    }

    @Test
    void aRefusalIsAGraphApiException() {
        wm.stubFor(delete(urlPathEqualTo(SUBSCRIBED_APPS)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(GraphStub.graphError(190, 460, "Error validating access token"))));

        assertThatThrownBy(() -> channel.unsubscribe(GraphStub.PAGE, GraphStub.client(wm)))
                .isInstanceOfSatisfying(GraphApiException.class, e -> assertThat(e.code()).hasValue(190));
    }
}
