package dev.conversa.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.lang.Secret;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    @Test
    void matchesKnownHmacSha256Vector() {
        // RFC 4231, test case 2
        WebhookSigner signer = WebhookSigner.of(Secret.of("Jefe"));

        String header = signer.sign("what do ya want for nothing?");

        assertThat(header).isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void signsTheExactBytesSoEscapedAndUnescapedTextDiffer() {
        WebhookSigner signer = WebhookSigner.of(Secret.of("app-secret"));

        String escaped = signer.sign("{\"t\":\"\\u00e4\"}".getBytes(StandardCharsets.US_ASCII));
        String raw = signer.sign("{\"t\":\"ä\"}");

        assertThat(escaped).isNotEqualTo(raw);
    }

    @Test
    void neverShowsTheSecret() {
        assertThat(WebhookSigner.of(Secret.of("app-secret")).toString()).doesNotContain("app-secret");
    }
}
