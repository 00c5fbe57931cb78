package dev.conversa.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.conversa.openai.OpenAiStub.chat;
import static dev.conversa.openai.OpenAiStub.json;
import static dev.conversa.openai.OpenAiStub.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.respond.Reply;
import dev.conversa.testsupport.Conversations;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FailureTest {

    @RegisterExtension
    static OpenAiStub openAi = new OpenAiStub();

    private static final String FALLBACK = "Sorry, our assistant is unavailable. Please write again later.";

    @Test
    void retriesA429AfterTheRetryAfterTheServerAskedFor() {
        // given
        openAi.stubFor(chat().inScenario("rate").whenScenarioStateIs(STARTED)
                .willReturn(json(429, "error-429.json").withHeader("Retry-After", "2")).willSetStateTo("ok"));
        openAi.stubFor(chat().inScenario("rate").whenScenarioStateIs("ok").willReturn(ok("answer.json")));

        // when
        Reply reply = respond(openAi.responder());

        // then
        assertThat(reply).isEqualTo(Reply.text("We are open from 7:00 to 18:00, every day but Monday."));
        assertThat(openAi.waits()).containsExactly(Duration.ofSeconds(2));
        openAi.verify(2, postRequestedFor(urlEqualTo(OpenAiStub.PATH)));
    }

    @Test
    void prefersRetryAfterMillisecondsWhenGiven() {
        openAi.stubFor(chat().inScenario("rate").whenScenarioStateIs(STARTED)
                .willReturn(json(429, "error-429.json").withHeader("retry-after-ms", "750").withHeader("Retry-After", "1"))
                .willSetStateTo("ok"));
        openAi.stubFor(chat().inScenario("rate").whenScenarioStateIs("ok").willReturn(ok("answer.json")));

        respond(openAi.responder());

        assertThat(openAi.waits()).containsExactly(Duration.ofMillis(750));
    }

    @Test
    void backsOffExponentiallyWhenTheServerNamesNoWait() {
        // given
        openAi.stubFor(chat().inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(json(503, "error-500.json")).willSetStateTo("still busy"));
        openAi.stubFor(chat().inScenario("busy").whenScenarioStateIs("still busy")
                .willReturn(json(503, "error-500.json")).willSetStateTo("ok"));
        openAi.stubFor(chat().inScenario("busy").whenScenarioStateIs("ok").willReturn(ok("answer.json")));
        OpenAiResponder.Builder builder = openAi.responder()
                .retries(2, Duration.ofMillis(400), Duration.ofSeconds(5));

        // when
        Reply reply = respond(builder);

        // then
        assertThat(reply).isInstanceOf(Reply.Answer.class);
        assertThat(openAi.waits()).hasSize(2);
        assertThat(openAi.waits().get(0)).isBetween(Duration.ZERO, Duration.ofMillis(400));
        assertThat(openAi.waits().get(1)).isBetween(Duration.ZERO, Duration.ofMillis(800));
    }

    @Test
    void handsOffWithTheFallbackWhenServerErrorsExhaustTheRetries() {
        openAi.stubFor(chat().willReturn(json(500, "error-500.json")));

        Reply reply = respond(openAi.responder().fallbackMessage(FALLBACK).handoffOnFailure(true));

        assertThat(reply).isEqualTo(new Reply.Handoff(Optional.of(FALLBACK),
                "the assistant could not answer: RETRIES_EXHAUSTED"));
        openAi.verify(3, postRequestedFor(urlEqualTo(OpenAiStub.PATH)));
        assertThat(openAi.waits()).hasSize(2);
    }

    @Test
    void sendsOnlyTheDefaultFallbackUnlessHandoffOnFailureIsOn() {
        openAi.stubFor(chat().willReturn(json(500, "error-500.json")));

        Reply reply = respond(openAi.responder());

        assertThat(reply).isEqualTo(Reply.text("Sorry, I can't answer right now. Please write again in a few minutes."));
    }

    @Test
    void givesUpAtOnceWhenRetryAfterIsLongerThanTheLongestBackoff() {
        openAi.stubFor(chat().willReturn(json(429, "error-429.json").withHeader("Retry-After", "3600")));

        Reply reply = respond(openAi.responder().fallbackMessage(FALLBACK));

        assertThat(reply).isEqualTo(Reply.text(FALLBACK));
        assertThat(openAi.waits()).isEmpty();
        openAi.verify(1, postRequestedFor(urlEqualTo(OpenAiStub.PATH)));
    }

    @Test
    void doesNotRetryARejectedApiKey() {
        openAi.stubFor(chat().willReturn(json(401, "error-401.json")));

        Reply reply = respond(openAi.responder().fallbackMessage(FALLBACK).handoffOnFailure(true));

        assertThat(reply).isEqualTo(new Reply.Handoff(Optional.of(FALLBACK), "the assistant could not answer: HTTP_ERROR"));
        openAi.verify(1, postRequestedFor(urlEqualTo(OpenAiStub.PATH)));
    }

    @Test
    void fallsBackWhenTheAnswerTakesLongerThanTheTimeout() {
        openAi.stubFor(chat().willReturn(ok("answer.json").withFixedDelay(2_000)));

        Reply reply = respond(openAi.responder().fallbackMessage(FALLBACK)
                .requestTimeout(Duration.ofMillis(100)));

        assertThat(reply).isEqualTo(Reply.text(FALLBACK));
        assertThat(openAi.waits()).isEmpty();
    }

    @Test
    void fallsBackWhenTheAnswerIsNotJson() {
        openAi.stubFor(chat().willReturn(ok("malformed.json")));

        assertThat(respondExpectingFallback()).isEqualTo(Reply.text(FALLBACK));
    }

    @Test
    void fallsBackWhenTheAnswerHasNoChoices() {
        openAi.stubFor(chat().willReturn(aResponse().withStatus(200).withBody("{\"id\": \"chatcmpl-x\", \"choices\": []}")));

        assertThat(respondExpectingFallback()).isEqualTo(Reply.text(FALLBACK));
    }

    @Test
    void fallsBackWhenTheModelRefuses() {
        openAi.stubFor(chat().willReturn(ok("refusal.json")));

        assertThat(respondExpectingFallback()).isEqualTo(Reply.text(FALLBACK));
    }

    @Test
    void fallsBackWhenTheAnswerIsEmpty() {
        openAi.stubFor(chat().willReturn(ok("empty-answer.json")));

        assertThat(respondExpectingFallback()).isEqualTo(Reply.text(FALLBACK));
    }

    @Test
    void fallsBackRatherThanSendAnAnswerCutAtTheTokenLimit() {
        openAi.stubFor(chat().willReturn(ok("cut-answer.json")));

        assertThat(respondExpectingFallback()).isEqualTo(Reply.text(FALLBACK));
    }

    @Test
    void fallsBackWhenNothingListensAtTheBaseUrl() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        Reply reply = openAi.responder().baseUrl("http://127.0.0.1:" + closedPort + "/v1")
                .fallbackMessage(FALLBACK).build()
                .respond(Conversations.whatsApp().customer("Hello").request());

        assertThat(reply).isEqualTo(Reply.text(FALLBACK));
        assertThat(openAi.waits()).hasSize(2);
    }

    private Reply respondExpectingFallback() {
        return respond(openAi.responder().fallbackMessage(FALLBACK));
    }

    private static Reply respond(OpenAiResponder.Builder builder) {
        return builder.build().respond(Conversations.whatsApp().customer("When are you open?").request());
    }
}
