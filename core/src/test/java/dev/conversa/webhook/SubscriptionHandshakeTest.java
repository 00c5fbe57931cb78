package dev.conversa.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubscriptionHandshakeTest {

    private final WebhookHandler handler = new IntakeFixture().handler();

    private static WebhookRequest.Builder handshake(String mode, String token, String challenge) {
        return WebhookRequest.builder().method("GET")
                .queryParameter("hub.mode", mode)
                .queryParameter("hub.verify_token", token)
                .queryParameter("hub.challenge", challenge);
    }

    @Test
    void echoesChallengeVerbatimWhenVerifyTokenMatches() {
        WebhookResponse response = handler.handle(handshake("subscribe", IntakeFixture.VERIFY_TOKEN, "0012345678").build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/plain");
        assertThat(response.bodyText()).isEqualTo("0012345678");
    }

    @Test
    void refusesHandshakeWithWrongVerifyToken() {
        WebhookResponse response = handler.handle(handshake("subscribe", "guess", "123").build());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.bodyText()).doesNotContain("123").doesNotContain(IntakeFixture.VERIFY_TOKEN);
    }

    @Test
    void refusesHandshakeWhoseModeIsNotSubscribe() {
        WebhookResponse response = handler.handle(handshake("unsubscribe", IntakeFixture.VERIFY_TOKEN, "123").build());

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void answersBadRequestWhenHandshakeParametersAreMissing() {
        WebhookRequest request = WebhookRequest.builder().method("GET").queryParameter("hub.mode", "subscribe").build();

        WebhookResponse response = handler.handle(request);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).contains("hub.verify_token");
    }

    @Test
    void answersHandshakeWithoutAnySignatureHeader() {
        WebhookRequest request = handshake("subscribe", IntakeFixture.VERIFY_TOKEN, "42").build();

        assertThat(request.header("X-Hub-Signature-256")).isEmpty();
        assertThat(handler.handle(request).status()).isEqualTo(200);
    }

    @Test
    void answersMethodNotAllowedForOtherMethods() {
        WebhookResponse response = handler.handle(WebhookRequest.builder().method("put").build());

        assertThat(response.status()).isEqualTo(405);
    }
}
