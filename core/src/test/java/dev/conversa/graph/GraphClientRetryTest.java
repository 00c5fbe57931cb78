package dev.conversa.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.conversa.lang.Secret;
import dev.conversa.testsupport.LoopbackWireMock;
import dev.conversa.time.RecordingSleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GraphClientRetryTest {

    @RegisterExtension
    static LoopbackWireMock wm = new LoopbackWireMock();

    private static final String PATH = "/v23.0/123/messages";
    private static final GraphRequest READ = GraphRequest.get("/123/messages", java.util.Map.of());

    private final Secret token = Secret.of(TokenLeaks.TOKEN);
    private final RecordingSleeper sleeper = new RecordingSleeper();

    private GraphClient.Builder builder() {
        return GraphClient.builder().baseUrl(wm.baseUri()).sleeper(sleeper);
    }

    static ResponseDefinitionBuilder graphError(int status, int code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                        + ",\"error_subcode\":33,\"fbtrace_id\":\"AbC123\"}}");
    }

    private int requestCount() {
        return wm.findAll(getRequestedFor(urlPathEqualTo(PATH))).size();
    }

    @Test
    void waitsForRetryAfterSecondsBeforeRetryingRateLimit() {
        // given
        wm.stubFor(get(PATH).inScenario("429").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("ok"));
        wm.stubFor(get(PATH).inScenario("429").whenScenarioStateIs("ok").willReturn(okJson("{}")));

        // when
        GraphResponse response = builder().build().execute(READ, token);

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(2));
        assertThat(requestCount()).isEqualTo(2);
    }

    @Test
    void waitsUntilRetryAfterDate() {
        // given
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        String in5Seconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(5).atOffset(ZoneOffset.UTC));
        wm.stubFor(get(PATH).inScenario("date").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", in5Seconds)).willSetStateTo("ok"));
        wm.stubFor(get(PATH).inScenario("date").whenScenarioStateIs("ok").willReturn(okJson("{}")));

        // when
        builder().clock(Clock.fixed(now, ZoneOffset.UTC)).build().execute(READ, token);

        // then
        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void retriesTwoServerErrorsThenSucceeds() {
        // given
        wm.stubFor(get(PATH).inScenario("5xx").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("second"));
        wm.stubFor(get(PATH).inScenario("5xx").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("third"));
        wm.stubFor(get(PATH).inScenario("5xx").whenScenarioStateIs("third")
                .willReturn(okJson("{\"message_id\":\"m_1\"}")));

        // when
        GraphResponse response = builder().build().execute(READ, token);

        // then
        assertThat(response.body()).isEqualTo("{\"message_id\":\"m_1\"}");
        assertThat(requestCount()).isEqualTo(3);
        assertThat(sleeper.delays()).hasSize(2);
    }

    @Test
    void doesNotRetryInvalidParameterAndKeepsMetaErrorFields() {
        wm.stubFor(get(PATH).willReturn(graphError(400, 100, "(#100) Invalid parameter")));

        GraphApiException failure = TokenLeaks.failureOf(() -> builder().build().execute(READ, token));

        assertThat(requestCount()).isEqualTo(1);
        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.httpStatus()).isEqualTo(400);
        assertThat(failure.code()).hasValue(100);
        assertThat(failure.subcode()).hasValue(33);
        assertThat(failure.type()).contains("OAuthException");
        assertThat(failure.fbtraceId()).contains("AbC123");
        assertThat(failure.getMessage()).contains("(#100) Invalid parameter");
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void doesNotRetryExpiredToken() {
        wm.stubFor(get(PATH).willReturn(graphError(401, 190, "Error validating access token")));

        GraphApiException failure = TokenLeaks.failureOf(() -> builder().build().execute(READ, token));

        assertThat(requestCount()).isEqualTo(1);
        assertThat(failure.code()).hasValue(190);
        assertThat(failure.isRetryable()).isFalse();
    }

    @Test
    void stopsAfterMaxAttempts() {
        wm.stubFor(get(PATH).willReturn(aResponse().withStatus(503)));

        GraphApiException failure = TokenLeaks.failureOf(() -> builder().maxAttempts(3).build().execute(READ, token));

        assertThat(requestCount()).isEqualTo(3);
        assertThat(sleeper.delays()).hasSize(2);
        assertThat(failure.httpStatus()).isEqualTo(503);
        assertThat(failure.isRetryable()).isTrue();
    }

    @Test
    void keepsEveryBackoffUnderItsExponentialCeilingAndTheCap() {
        // given
        wm.stubFor(get(PATH).willReturn(aResponse().withStatus(500)));
        GraphClient client = builder().maxAttempts(6)
                .initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(300)).build();

        // when
        TokenLeaks.failureOf(() -> client.execute(READ, token));

        // then
        assertThat(sleeper.delays()).hasSize(5);
        long[] ceilings = {100, 200, 300, 300, 300};
        for (int i = 0; i < ceilings.length; i++) {
            assertThat(sleeper.delays().get(i)).isBetween(Duration.ZERO, Duration.ofMillis(ceilings[i]));
        }
    }

    @Test
    void failsAtOnceWhenRetryAfterIsLongerThanMaxBackoff() {
        wm.stubFor(get(PATH).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        GraphApiException failure = TokenLeaks.failureOf(() -> builder().build().execute(READ, token));

        assertThat(requestCount()).isEqualTo(1);
        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofHours(1));
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void mapsNonJsonErrorBodyToGenericMessageWithStatus() {
        wm.stubFor(get(PATH).willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")));

        GraphApiException failure = TokenLeaks.failureOf(() -> builder().maxAttempts(1).build().execute(READ, token));

        assertThat(failure.httpStatus()).isEqualTo(502);
        assertThat(failure.code()).isEmpty();
        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.getMessage()).isEqualTo("Graph API answered HTTP 502 without a Graph error body");
    }

    @Test
    void retriesTemporaryCodeEvenWithClientErrorStatus() {
        wm.stubFor(get(PATH).inScenario("code2").whenScenarioStateIs(STARTED)
                .willReturn(graphError(400, 2, "Temporary issue")).willSetStateTo("ok"));
        wm.stubFor(get(PATH).inScenario("code2").whenScenarioStateIs("ok").willReturn(okJson("{}")));

        builder().build().execute(READ, token);

        assertThat(requestCount()).isEqualTo(2);
    }

    @Test
    void neverRevealsTokenWhenMetaEchoesIt() {
        wm.stubFor(get(PATH).willReturn(graphError(400, 190, "Malformed access token " + TokenLeaks.TOKEN)));

        GraphApiException failure = TokenLeaks.failureOf(() -> builder().build().execute(READ, token));

        assertThat(failure.getMessage()).contains("Malformed access token ***");
    }

    @Test
    void redactsPhoneNumbersInMetaMessage() {
        wm.stubFor(get(PATH).willReturn(graphError(400, 131026, "Recipient +15551234567 cannot be reached")));

        GraphApiException failure = TokenLeaks.failureOf(() -> builder().build().execute(READ, token));

        assertThat(failure.getMessage()).doesNotContain("5551234567").contains("Recipient [number] cannot");
    }
}
