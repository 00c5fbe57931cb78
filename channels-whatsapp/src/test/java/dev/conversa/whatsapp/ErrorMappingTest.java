package dev.conversa.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.graph.GraphApiException;
import dev.conversa.model.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorMappingTest {

    @RegisterExtension
    static SendHarness whatsapp = new SendHarness();

    @ParameterizedTest(name = "code {0} is {1}, retryable by the outbox {2}")
    @CsvSource({
        "131047, OUTSIDE_WINDOW, false",
        "131026, UNDELIVERABLE, false",
        "131056, PAIR_RATE_LIMIT, true",
        "130429, THROUGHPUT_LIMIT, true",
        "131057, THROUGHPUT_LIMIT, true",
        "190, ACCESS_TOKEN, false",
        "100, INVALID_PARAMETER, false",
        "131009, INVALID_PARAMETER, false",
        "131048, SPAM_RATE_LIMIT, false",
    })
    void mapsWhatsAppErrorCodeToErrorAndRetryabilityAndSendsOnce(int code, WhatsAppError expected, boolean retryable) {
        refuseWith(code);

        assertThatThrownBy(() -> whatsapp.send(new Text("hi")))
                .isInstanceOfSatisfying(WhatsAppException.class, e -> {
                    assertThat(e.error()).isEqualTo(expected);
                    assertThat(e.isRetryable()).isEqualTo(retryable);
                    assertThat(e.code()).hasValue(code);
                    assertThat(e.isOutcomeUnknown()).isFalse();
                });
        assertThat(whatsapp.requests()).hasSize(1);
    }

    @Test
    void keepsTheGraphClientsDecisionForOtherCodes() {
        refuseWith(2);

        assertThatThrownBy(() -> whatsapp.send(new Text("hi")))
                .isInstanceOfSatisfying(WhatsAppException.class, e -> {
                    assertThat(e.error()).isEqualTo(WhatsAppError.OTHER);
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.isOutcomeUnknown()).isTrue();
                });
        assertThat(whatsapp.requests()).hasSize(1);
    }

    @Test
    void keepsMetasTraceIdStatusAndTypeWithoutTheTokenOrNumber() {
        refuseWith(131026);

        assertThatThrownBy(() -> whatsapp.send(new Text("hi")))
                .isInstanceOfSatisfying(WhatsAppException.class, e -> {
                    assertThat(e.fbtraceId()).contains("AbCdEfGh123");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.type()).contains("OAuthException");
                    assertThat(e.getCause()).isInstanceOf(GraphApiException.class);
                    assertThat(e.getMessage()).doesNotContain(Sends.TOKEN.reveal()).doesNotContain(Sends.CUSTOMER);
                });
    }

    @Test
    void classifiesAnyGraphApiException() {
        assertThat(WhatsAppError.classify(GraphApiException.builder("x").httpStatus(400).code(131047).build()))
                .isEqualTo(WhatsAppError.OUTSIDE_WINDOW);
        assertThat(WhatsAppError.classify(GraphApiException.builder("timeout").retryable(true).build()))
                .isEqualTo(WhatsAppError.OTHER);
    }

    @Test
    void keepsEveryFieldOfTheGraphFailureItWrapsTheUnknownOutcomeAboveAll() {
        GraphApiException timeout = GraphApiException.builder("Graph API call timed out").outcomeUnknown(true)
                .fbtraceId("trace-9").build();

        WhatsAppException wrapped = WhatsAppException.of(timeout);

        assertThat(wrapped.isOutcomeUnknown()).isTrue();
        assertThat(wrapped.isRetryable()).isFalse();
        assertThat(wrapped.fbtraceId()).contains("trace-9");
        assertThat(wrapped.getCause()).isSameAs(timeout);
    }

    @Test
    void aServerErrorOfASendStaysOfUnknownOutcomeThroughTheChannel() {
        whatsapp.stubFor(post(urlPathEqualTo(GraphStub.MESSAGES)).willReturn(aResponse().withStatus(500)
                .withBody("{\"error\":{\"message\":\"Something went wrong\",\"code\":131000}}")));

        assertThatThrownBy(() -> whatsapp.send(new Text("hi")))
                .isInstanceOfSatisfying(WhatsAppException.class, e -> {
                    assertThat(e.isOutcomeUnknown()).isTrue();
                    assertThat(e.isRetryable()).isFalse();
                });
        assertThat(whatsapp.findAll(postRequestedFor(urlPathEqualTo(GraphStub.MESSAGES)))).hasSize(1);
    }

    @Test
    void reportsAnAnswerWithoutMessageIdAsOfUnknownOutcome() {
        whatsapp.stubFor(post(urlPathEqualTo(GraphStub.MESSAGES)).willReturn(okJson("{\"messaging_product\":\"whatsapp\"}")));

        assertThatThrownBy(() -> whatsapp.send(new Text("hi")))
                .isInstanceOfSatisfying(GraphApiException.class, e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.isOutcomeUnknown()).isTrue();
                    assertThat(e.getMessage()).contains("without a message id");
                });
    }

    @Test
    void reportsAnAnswerThatIsNotJsonAsOfUnknownOutcome() {
        whatsapp.stubFor(post(urlPathEqualTo(GraphStub.MESSAGES)).willReturn(aResponse().withStatus(200).withBody("<html>")));

        assertThatThrownBy(() -> whatsapp.send(new Text("hi")))
                .isInstanceOfSatisfying(GraphApiException.class, e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.isOutcomeUnknown()).isTrue();
                    assertThat(e.getMessage()).contains("without a message id");
                });
    }

    private static void refuseWith(int code) {
        whatsapp.stubFor(post(urlPathEqualTo(GraphStub.MESSAGES)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"(#" + code + ") refused for 16315551181\",\"type\":\"OAuthException\","
                        + "\"code\":" + code + ",\"error_data\":{\"messaging_product\":\"whatsapp\","
                        + "\"details\":\"details\"},\"fbtrace_id\":\"AbCdEfGh123\"}}")));
    }
}
