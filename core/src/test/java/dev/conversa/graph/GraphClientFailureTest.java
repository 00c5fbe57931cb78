package dev.conversa.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.Secret;
import dev.conversa.testsupport.LoopbackWireMock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraphClientFailureTest {

    @RegisterExtension
    static LoopbackWireMock wm = new LoopbackWireMock();

    private static final String PATH = "/v23.0/123/messages";
    private static final GraphRequest SEND = GraphRequest.postJson("/123/messages", "{}");

    private final Secret token = Secret.of(TokenLeaks.TOKEN);
    private final RecordingSleeper sleeper = new RecordingSleeper();

    private GraphClientBuilder builder() {
        return GraphClient.builder().baseUrl(wm.baseUri()).sleeper(sleeper);
    }

    @ParameterizedTest(name = "code {0} retryable={1}")
    @CsvSource({
        "1, true", "2, true", "4, true", "17, true", "32, true", "613, true", "1200, true", "80007, true",
        "130429, true", "131056, true", "131057, true",
        "10, false", "100, false", "190, false", "200, false", "250, false", "299, false", "368, false",
        "551, false", "131026, false", "131047, false", "131048, false", "2018218, false", "2018278, false"})
    void classifiesMetaErrorCode(int code, boolean retryable) {
        wm.stubFor(post(PATH).willReturn(GraphClientRetryTest.graphError(400, code, "error")));

        GraphApiException failure = TokenLeaks.failureOf(() -> builder().maxAttempts(2).build().execute(SEND, token));

        assertThat(failure.code()).hasValue(code);
        assertThat(failure.isRetryable()).isEqualTo(retryable);
        assertThat(wm.findAll(postRequestedFor(urlPathEqualTo(PATH)))).hasSize(retryable ? 2 : 1);
    }

    @ParameterizedTest(name = "HTTP {0} retryable={1}")
    @CsvSource({"400, false", "401, false", "403, false", "404, false", "408, true", "429, true", "500, true",
        "503, true"})
    void classifiesHttpStatusWithoutGraphCode(int status, boolean retryable) {
        wm.stubFor(post(PATH).willReturn(aResponse().withStatus(status)));

        GraphApiException failure = TokenLeaks.failureOf(() -> builder().maxAttempts(1).build().execute(SEND, token));

        assertThat(failure.httpStatus()).isEqualTo(status);
        assertThat(failure.isRetryable()).isEqualTo(retryable);
    }

    @Test
    void doesNotRetryATimedOutPostWhoseOutcomeIsUnknown() {
        // given
        wm.stubFor(post(PATH).willReturn(okJson("{}").withFixedDelay(2_000)));
        GraphClient client = builder().requestTimeout(Duration.ofMillis(100)).maxAttempts(3).build();

        // when
        GraphApiException failure = TokenLeaks.failureOf(() -> client.execute(SEND, token));

        // then
        assertThat(failure.isOutcomeUnknown()).isTrue();
        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.httpStatus()).isZero();
        assertThat(failure.getCause()).isInstanceOf(HttpTimeoutException.class);
        assertThat(sleeper.delays()).isEmpty();
        assertThat(wm.findAll(postRequestedFor(urlPathEqualTo(PATH)))).hasSize(1);
    }

    @Test
    void timesOutEachAttemptOfAGetAndFailsRetryableAfterTheLast() {
        // given
        wm.stubFor(get(PATH).willReturn(okJson("{}").withFixedDelay(2_000)));
        GraphClient client = builder().requestTimeout(Duration.ofMillis(100)).maxAttempts(2).build();

        // when
        GraphApiException failure = TokenLeaks.failureOf(
                () -> client.execute(GraphRequest.get("/123/messages", java.util.Map.of()), token));

        // then
        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.isOutcomeUnknown()).isFalse();
        assertThat(failure.getCause()).isInstanceOf(HttpTimeoutException.class);
        assertThat(sleeper.delays()).hasSize(1);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(PATH)))).hasSize(2));
    }

    @Test
    void retriesRefusedConnectionAsIoError() throws IOException {
        // given
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        GraphClient client = GraphClient.builder().baseUrl(URI.create("http://127.0.0.1:" + closedPort))
                .sleeper(sleeper).maxAttempts(3).build();

        // when
        GraphApiException failure = TokenLeaks.failureOf(() -> client.execute(SEND, token));

        // then
        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.isOutcomeUnknown()).isFalse();
        assertThat(failure.httpStatus()).isZero();
        assertThat(failure.getCause()).isInstanceOf(IOException.class);
        assertThat(sleeper.delays()).hasSize(2);
    }

    @Test
    void stopsRetryingWhenInterruptedWhileWaiting() {
        // given
        wm.stubFor(post(PATH).willReturn(aResponse().withStatus(500)));
        GraphClient client = builder().sleeper(delay -> {
            throw new InterruptedException("stop");
        }).build();

        // when
        GraphApiException failure = TokenLeaks.failureOf(() -> client.execute(SEND, token));

        // then
        assertThat(Thread.interrupted()).isTrue();
        assertThat(failure.getSuppressed()).hasSize(1);
        assertThat(wm.findAll(postRequestedFor(urlPathEqualTo(PATH)))).hasSize(1);
    }
}
