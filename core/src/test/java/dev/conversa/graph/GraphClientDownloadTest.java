package dev.conversa.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.conversa.lang.Secret;
import dev.conversa.testsupport.LoopbackWireMock;
import dev.conversa.time.RecordingSleeper;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GraphClientDownloadTest {

    @RegisterExtension
    static LoopbackWireMock wm = new LoopbackWireMock();

    private static final byte[] IMAGE = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    private final Secret token = Secret.of(TokenLeaks.TOKEN);

    private static URI local(String path) {
        return URI.create(wm.baseUri() + path);
    }

    private static GraphClient loopbackClient() {
        return GraphClient.builder().sleeper(new RecordingSleeper()).allowInsecureLoopbackForTests(true).build();
    }

    @Test
    void downloadsMediaWithBearerTokenAndContentType() {
        wm.stubFor(get("/media/1").willReturn(aResponse().withHeader("Content-Type", "image/jpeg").withBody(IMAGE)));

        MediaDownload media = loopbackClient().download(local("/media/1"), token, 1024);

        assertThat(media.bytes()).isEqualTo(IMAGE);
        assertThat(media.contentType()).isEqualTo("image/jpeg");
        wm.verify(getRequestedFor(urlPathEqualTo("/media/1"))
                .withHeader("Authorization", equalTo("Bearer " + TokenLeaks.TOKEN)));
    }

    @Test
    void neverContactsHostOutsideTheAllowList() {
        wm.stubFor(get(anyUrl()).willReturn(aResponse().withBody(IMAGE)));
        GraphClient client = GraphClient.builder().sleeper(new RecordingSleeper()).build();

        GraphApiException failure = TokenLeaks.failureOf(() -> client.download(local("/media/1"), token, 1024));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.getMessage()).contains("https");
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void refusesPlainHttpEvenOnAnAllowedHost() {
        GraphClient client = GraphClient.builder().build();

        GraphApiException failure = TokenLeaks.failureOf(
                () -> client.download(URI.create("http://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1"),
                        token, 1024));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.httpStatus()).isZero();
    }

    @Test
    void refusesHttpsHostThatOnlyLooksLikeMetas() {
        GraphClient client = GraphClient.builder().build();

        GraphApiException failure = TokenLeaks.failureOf(
                () -> client.download(URI.create("https://fbcdn.net.attacker.example/x.jpg"), token, 1024));

        assertThat(failure.getMessage()).contains("fbcdn.net.attacker.example");
    }

    @Test
    void refusesMediaLargerThanTheCap() {
        wm.stubFor(get("/media/big").willReturn(aResponse().withBody(new byte[100])));

        GraphApiException failure = TokenLeaks.failureOf(
                () -> loopbackClient().download(local("/media/big"), token, 10));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.getMessage()).contains("cap of 10 bytes");
    }

    @Test
    void doesNotFollowRedirectToAHostOutsideTheAllowList() {
        wm.stubFor(get("/media/moved").willReturn(aResponse().withStatus(302)
                .withHeader("Location", "https://attacker.example/steal")));

        GraphApiException failure = TokenLeaks.failureOf(
                () -> loopbackClient().download(local("/media/moved"), token, 1024));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.getMessage()).contains("attacker.example");
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void doesNotFollowRedirectToAnotherAllowedHost() {
        wm.stubFor(get("/media/moved").willReturn(aResponse().withStatus(301)
                .withHeader("Location", "https://scontent.xx.fbcdn.net/v/1.jpg")));

        GraphApiException failure = TokenLeaks.failureOf(
                () -> loopbackClient().download(local("/media/moved"), token, 1024));

        assertThat(failure.getMessage()).contains("another host");
    }

    @Test
    void followsRedirectOnTheSameHost() {
        wm.stubFor(get("/media/old").willReturn(aResponse().withStatus(302).withHeader("Location", "/media/new")));
        wm.stubFor(get("/media/new").willReturn(aResponse().withHeader("Content-Type", "audio/ogg").withBody(IMAGE)));

        MediaDownload media = loopbackClient().download(local("/media/old"), token, 1024);

        assertThat(media.contentType()).isEqualTo("audio/ogg");
        assertThat(media.bytes()).isEqualTo(IMAGE);
    }

    @Test
    void mapsGraphErrorOfMediaHost() {
        wm.stubFor(get("/media/gone").willReturn(GraphClientRetryTest.graphError(404, 100, "Media not found")));

        GraphApiException failure = TokenLeaks.failureOf(
                () -> loopbackClient().download(local("/media/gone"), token, 1024));

        assertThat(failure.httpStatus()).isEqualTo(404);
        assertThat(failure.code()).hasValue(100);
    }

    @Test
    void rejectsNonPositiveCap() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> loopbackClient().download(local("/media/1"), token, 0))
                .withMessageContaining("maxBytes");
    }
}
