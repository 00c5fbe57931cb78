package dev.conversa.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
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

    @ParameterizedTest(name = "code {0} is {1}, retryable {2}, {3} attempts")
    @CsvSource({
        "131047, OUTSIDE_WINDOW, false, 1",
        "131026, UNDELIVERABLE, false, 1",
        "131056, PAIR_RATE_LIMIT, true, 3",
        "130429, THROUGHPUT_LIMIT, true, 3",
        "131057, THROUGHPUT_LIMIT, true, 3",
        "190, ACCESS_TOKEN, false, 1",
        "100, INVALID_PARAMETER, false, 1",
        "131009, INVALID_PARAMETER, false, 1",
        "131048, SPAM_RATE_LIMIT, false, 1",
    })
    void mapsWhatsAppErrorCodeToErrorRetryabilityAndAttempts(
            int code, WhatsAppError expected, boolean retryable, int attempts) {
        refuseWith(code);

        assertThatThrownBy(() -> whatsapp.send(new Text("hi")))
                .isInstanceOfSatisfying(WhatsAppException.class, e -> {
                    assertThat(e.error()).isEqualTo(expected);
                    assertThat(e.isRetryable()).isEqualTo(retryable);
                    assertThat(e.code()).hasValue(code);
                });
        assertThat(whatsapp.requests()).hasSize(attempts);
    }

    @Test
    void keepsTheGraphClientsRetryDecisionForOtherCodes() {
        refuseWith(2);

        assertThatThrownBy(() -> whatsapp.send(new Text("hi")))
                .isInstanceOfSatisfying(WhatsAppException.class, e -> {
                    assertThat(e.error()).isEqualTo(WhatsAppError.OTHER);
                    assertThat(e.isRetryable()).isTrue();
                });
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
        assertThat(WhatsAppError.classify(new GraphApiException("x", 400, 131047, null, null, null, false, null, null)))
                .isEqualTo(WhatsAppError.OUTSIDE_WINDOW);
        assertThat(WhatsAppError.classify(new GraphApiException("timeout", 0, null, null, null, null, true, null, null)))
                .isEqualTo(WhatsAppError.OTHER);
    }

    @Test
    void reportsAnAnswerWithoutMessageIdAsNotRetryable() {
        whatsapp.stubFor(post(urlPathEqualTo(GraphStub.MESSAGES)).willReturn(okJson("{\"messaging_product\":\"whatsapp\"}")));

        assertThatThrownBy(() -> whatsapp.send(new Text("hi")))
                .isInstanceOfSatisfying(GraphApiException.class, e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage()).contains("no message id");
                });
    }

    @Test
    void reportsAnAnswerThatIsNotJsonAsNotRetryable() {
        whatsapp.stubFor(post(urlPathEqualTo(GraphStub.MESSAGES)).willReturn(aResponse().withStatus(200).withBody("<html>")));

        assertThatThrownBy(() -> whatsapp.send(new Text("hi")))
                .isInstanceOfSatisfying(GraphApiException.class, e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage()).contains("no message id");
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
