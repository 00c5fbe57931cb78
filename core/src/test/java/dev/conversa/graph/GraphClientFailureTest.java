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

import dev.conversa.lang.Secret;
import dev.conversa.testsupport.LoopbackWireMock;
import dev.conversa.time.RecordingSleeper;
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
    private static final GraphRequest READ = GraphRequest.get("/123/messages", java.util.Map.of());

    private final Secret token = Secret.of(TokenLeaks.TOKEN);
    private final RecordingSleeper sleeper = new RecordingSleeper();

    private GraphClient.Builder builder() {
        return GraphClient.builder().baseUrl(wm.baseUri()).sleeper(sleeper);
    }

    @ParameterizedTest(name = "GET, code {0}: retryable={1}")
    @CsvSource({
        "1, true", "2, true", "4, true", "17, true", "32, true", "613, true", "1200, true", "80007, true",
        "130429, true", "131056, true", "131057, true",
        "10, false", "100, false", "190, false", "200, false", "250, false", "299, false", "368, false",
        "551, false", "131026, false", "131047, false", "131048, false", "2018218, false", "2018278, false"})
    void classifiesMetaErrorCodeOfARead(int code, boolean retryable) {
        wm.stubFor(get(PATH).willReturn(GraphClientRetryTest.graphError(400, code, "error")));

        GraphApiException failure = TokenLeaks.failureOf(() -> builder().maxAttempts(2).build().execute(READ, token));

        assertThat(failure.code()).hasValue(code);
        assertThat(failure.isRetryable()).isEqualTo(retryable);
        assertThat(failure.isOutcomeUnknown()).isFalse();
        assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(PATH)))).hasSize(retryable ? 2 : 1);
    }

    @ParameterizedTest(name = "POST, HTTP {0}, code {1}: retryable={2}, outcome unknown={3}")
    @CsvSource({
        "400, 4, true, false", "400, 17, true, false", "400, 32, true, false", "400, 613, true, false",
        "400, 80007, true, false", "400, 130429, true, false", "400, 131056, true, false", "400, 131057, true, false",
        "429, 4, true, false",
        "400, 1, false, true", "500, 1, false, true", "400, 2, false, true", "503, 1200, false, true",
        "400, 131000, false, true", "500, 131000, false, true",
        "400, 10, false, false", "400, 100, false, false", "401, 190, false, false", "400, 200, false, false",
        "400, 368, false, false", "400, 551, false, false", "400, 131026, false, false", "400, 131047, false, false",
        "400, 131048, false, false", "400, 2018218, false, false", "500, 131047, false, false"})
    void classifiesMetaErrorCodeOfASendAndNeverRepeatsIt(int status, int code, boolean retryable, boolean unknown) {
        wm.stubFor(post(PATH).willReturn(GraphClientRetryTest.graphError(status, code, "error")));

        GraphApiException failure = TokenLeaks.failureOf(() -> builder().maxAttempts(4).build().execute(SEND, token));

        assertThat(failure.code()).hasValue(code);
        assertThat(failure.isRetryable()).isEqualTo(retryable);
        assertThat(failure.isOutcomeUnknown()).isEqualTo(unknown);
        assertThat(wm.findAll(postRequestedFor(urlPathEqualTo(PATH)))).hasSize(1);
        assertThat(sleeper.delays()).isEmpty();
    }

    @ParameterizedTest(name = "GET, HTTP {0}: retryable={1}")
    @CsvSource({"400, false", "401, false", "403, false", "404, false", "408, true", "429, true", "500, true",
        "503, true"})
    void classifiesHttpStatusOfAReadWithoutGraphCode(int status, boolean retryable) {
        wm.stubFor(get(PATH).willReturn(aResponse().withStatus(status)));

        GraphApiException failure = TokenLeaks.failureOf(() -> builder().maxAttempts(1).build().execute(READ, token));

        assertThat(failure.httpStatus()).isEqualTo(status);
        assertThat(failure.isRetryable()).isEqualTo(retryable);
        assertThat(failure.isOutcomeUnknown()).isFalse();
    }

    @ParameterizedTest(name = "POST, HTTP {0}: retryable={1}, outcome unknown={2}")
    @CsvSource({"400, false, false", "401, false, false", "403, false, false", "404, false, false",
        "408, false, true", "429, true, false", "500, false, true", "502, false, true", "503, false, true"})
    void classifiesHttpStatusOfASendWithoutGraphCode(int status, boolean retryable, boolean unknown) {
        wm.stubFor(post(PATH).willReturn(aResponse().withStatus(status)));

        GraphApiException failure = TokenLeaks.failureOf(() -> builder().maxAttempts(4).build().execute(SEND, token));

        assertThat(failure.httpStatus()).isEqualTo(status);
        assertThat(failure.isRetryable()).isEqualTo(retryable);
        assertThat(failure.isOutcomeUnknown()).isEqualTo(unknown);
        assertThat(wm.findAll(postRequestedFor(urlPathEqualTo(PATH)))).hasSize(1);
    }

    @Test
    void aSendInterruptedWhileWaitingForItsAnswerHasAnUnknownOutcome() throws Exception {
        // given
        wm.stubFor(post(PATH).willReturn(okJson("{}").withFixedDelay(10_000)));
        GraphClient client = builder().requestTimeout(Duration.ofSeconds(30)).build();
        java.util.concurrent.CompletableFuture<GraphApiException> failure = new java.util.concurrent.CompletableFuture<>();
        Thread sender = new Thread(() -> failure.complete(TokenLeaks.failureOf(() -> client.execute(SEND, token))));
        sender.start();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> wm.findAll(postRequestedFor(urlPathEqualTo(PATH))).size() == 1);

        // when
        sender.interrupt();

        // then
        GraphApiException thrown = failure.get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(thrown.isOutcomeUnknown()).isTrue();
        assertThat(thrown.isRetryable()).isFalse();
        assertThat(thrown.getCause()).isInstanceOf(InterruptedException.class);
        sender.join(5_000);
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
    void retriesARefusedConnectionOfARead() throws IOException {
        // given
        GraphClient client = GraphClient.builder().baseUrl(URI.create("http://127.0.0.1:" + closedPort()))
                .sleeper(sleeper).maxAttempts(3).build();

        // when
        GraphApiException failure = TokenLeaks.failureOf(() -> client.execute(READ, token));

        // then
        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.isOutcomeUnknown()).isFalse();
        assertThat(failure.getCause()).isInstanceOf(IOException.class);
        assertThat(sleeper.delays()).hasSize(2);
    }

    @Test
    void aSendWhoseConnectionWasRefusedIsTriedOnceAndSafeToTryAgain() throws IOException {
        // given
        GraphClient client = GraphClient.builder().baseUrl(URI.create("http://127.0.0.1:" + closedPort()))
                .sleeper(sleeper).maxAttempts(3).build();

        // when
        GraphApiException failure = TokenLeaks.failureOf(() -> client.execute(SEND, token));

        // then
        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.isOutcomeUnknown()).isFalse();
        assertThat(failure.httpStatus()).isZero();
        assertThat(failure.getCause()).isInstanceOf(IOException.class);
        assertThat(sleeper.delays()).isEmpty();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    @Test
    void stopsRetryingWhenInterruptedWhileWaiting() {
        // given
        wm.stubFor(get(PATH).willReturn(aResponse().withStatus(500)));
        GraphClient client = builder().sleeper(delay -> {
            throw new InterruptedException("stop");
        }).build();

        // when
        GraphApiException failure = TokenLeaks.failureOf(() -> client.execute(READ, token));

        // then
        assertThat(Thread.interrupted()).isTrue();
        assertThat(failure.getSuppressed()).hasSize(1);
        assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(PATH)))).hasSize(1);
    }
}
