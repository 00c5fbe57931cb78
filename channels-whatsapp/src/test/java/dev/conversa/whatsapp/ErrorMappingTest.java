package dev.conversa.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.graph.GraphApiException;
import dev.conversa.model.Text;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorMappingTest {

    private final FakeClock clock = new FakeClock(Sends.NOW);
    private final RecordingGraph graph = new RecordingGraph(clock);
    private final WhatsAppChannel channel = WhatsAppChannel.builder().clock(clock).sleeper(clock::advance).build();

    @ParameterizedTest(name = "code {0} is {1}, retryable {2}")
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
    void mapsWhatsAppErrorCodeToErrorAndRetryability(int code, WhatsAppError expected, boolean retryable) {
        graph.fail(graphError(code, !retryable));

        assertThatThrownBy(() -> channel.send(Sends.request(new Text("hi")), graph))
                .isInstanceOfSatisfying(WhatsAppException.class, e -> {
                    assertThat(e.error()).isEqualTo(expected);
                    assertThat(e.isRetryable()).isEqualTo(retryable);
                    assertThat(e.code()).hasValue(code);
                });
    }

    @Test
    void keepsTheGraphClientsRetryDecisionForOtherCodes() {
        graph.fail(graphError(2, true));

        assertThatThrownBy(() -> channel.send(Sends.request(new Text("hi")), graph))
                .isInstanceOfSatisfying(WhatsAppException.class, e -> {
                    assertThat(e.error()).isEqualTo(WhatsAppError.OTHER);
                    assertThat(e.isRetryable()).isTrue();
                });
    }

    @Test
    void keepsMetasTraceIdStatusTypeAndRetryAfter() {
        GraphApiException cause = graphError(131056, false);
        graph.fail(cause);

        assertThatThrownBy(() -> channel.send(Sends.request(new Text("hi")), graph))
                .isInstanceOfSatisfying(WhatsAppException.class, e -> {
                    assertThat(e.fbtraceId()).contains("AbCdEfGh123");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.type()).contains("OAuthException");
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(6));
                    assertThat(e.getCause()).isSameAs(cause);
                    assertThat(e.getMessage()).doesNotContain(Sends.TOKEN.reveal()).doesNotContain(Sends.CUSTOMER);
                });
    }

    @Test
    void classifiesAnyGraphApiExceptionWithoutWrapping() {
        assertThat(WhatsAppError.classify(graphError(131047, false))).isEqualTo(WhatsAppError.OUTSIDE_WINDOW);
        assertThat(WhatsAppError.classify(new GraphApiException("timeout", 0, null, null, null, null, true, null, null)))
                .isEqualTo(WhatsAppError.OTHER);
    }

    @Test
    void reportsAnAnswerWithoutMessageIdAsNotRetryable() {
        graph.answer("{\"messaging_product\":\"whatsapp\",\"messages\":[]}");

        assertThatThrownBy(() -> channel.send(Sends.request(new Text("hi")), graph))
                .isInstanceOfSatisfying(GraphApiException.class, e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage()).contains("no message id");
                });
    }

    private static GraphApiException graphError(int code, boolean retryable) {
        return new GraphApiException("(#" + code + ") WhatsApp said no", 400, code, null, "OAuthException",
                "AbCdEfGh123", retryable, Duration.ofSeconds(6), null);
    }
}
