package dev.conversa.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebhookResponseTest {

    @Test
    void showsNoBodyInToString() {
        WebhookResponse response = WebhookResponse.text(200, "challenge-value");

        assertThat(response.toString()).contains("200", "15 bytes").doesNotContain("challenge-value");
    }

    @Test
    void encodesTextAsUtf8PlainText() {
        WebhookResponse response = WebhookResponse.text(200, "ä");

        assertThat(response.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(response.body()).containsExactly(0xC3, 0xA4);
    }

    @Test
    void refusesStatusOutsideHttpRange() {
        assertThatThrownBy(() -> WebhookResponse.text(42, "")).isInstanceOf(IllegalArgumentException.class);
    }
}
