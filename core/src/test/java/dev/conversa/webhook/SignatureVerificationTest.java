package dev.conversa.webhook;

import static dev.conversa.webhook.IntakeFixture.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.lang.Secret;
import dev.conversa.testsupport.EchoTestChannel;
import dev.conversa.testsupport.TestSignatures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureVerificationTest {

    private final IntakeFixture fixture = new IntakeFixture();
    private final WebhookHandler handler = fixture.handler();
    private final byte[] body = EchoTestChannel.payload(IntakeFixture.ACCOUNT, "m1", "u1", IntakeFixture.RECENT, "customer-words")
            .getBytes(StandardCharsets.UTF_8);

    private static WebhookRequest post(byte[] body, String header, String value) {
        return WebhookRequest.builder().method("POST").header(header, value).body(body).build();
    }

    private WebhookResponse refused(WebhookRequest request) {
        WebhookResponse response = handler.handle(request);
        assertThat(fixture.stored()).as("nothing stored").isZero();
        assertThat(response.bodyText()).doesNotContain(APP_SECRET).doesNotContain("customer-words");
        return response;
    }

    @Test
    void acceptsBodySignedWithTheAppSecret() {
        WebhookResponse response = handler.handle(TestSignatures.signedPost(body, APP_SECRET));

        assertThat(response.status()).isEqualTo(200);
        assertThat(fixture.stored()).isEqualTo(1);
    }

    @Test
    void rejectsPayloadWhenSignatureIsMissing() {
        WebhookResponse response = refused(WebhookRequest.builder().method("POST").body(body).build());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.bodyText()).isEqualTo("missing X-Hub-Signature-256 header");
    }

    @Test
    void rejectsSignatureWithWrongPrefix() {
        String hex = TestSignatures.sign(body, APP_SECRET).substring("sha256=".length());

        WebhookResponse response = refused(post(body, "X-Hub-Signature-256", "sha1=" + hex));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.bodyText()).startsWith("malformed X-Hub-Signature-256 header");
    }

    @Test
    void rejectsRequestSignedOnlyWithSha1Header() {
        WebhookResponse response = refused(post(body, "X-Hub-Signature", "sha1=0123456789abcdef0123456789abcdef01234567"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.bodyText()).contains("SHA-1 is not accepted");
    }

    @Test
    void rejectsSignatureThatIsNotHex() {
        WebhookResponse response = refused(post(body, "X-Hub-Signature-256", "sha256=" + "zz".repeat(32)));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.bodyText()).startsWith("malformed");
    }

    @Test
    void rejectsSignatureOfWrongLength() {
        String truncated = TestSignatures.sign(body, APP_SECRET).substring(0, 70);

        WebhookResponse response = refused(post(body, "X-Hub-Signature-256", truncated));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.bodyText()).startsWith("malformed");
    }

    @Test
    void rejectsSignatureMadeWithAnotherSecret() {
        WebhookResponse response = refused(TestSignatures.signedPost(body, "some-other-secret"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.bodyText()).contains("does not match");
    }

    @Test
    void rejectsBodyWithOneByteChangedAfterSigning() {
        // given
        String signature = TestSignatures.sign(body, APP_SECRET);
        byte[] tampered = body.clone();
        tampered[tampered.length - 5] ^= 1;

        // when
        WebhookResponse response = refused(post(tampered, "X-Hub-Signature-256", signature));

        // then
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.bodyText()).contains("does not match");
    }

    @Test
    void rejectsSignatureOfAnotherBody() {
        String otherBodysSignature = TestSignatures.sign("{\"object\":\"test_object\",\"entry\":[]}", APP_SECRET);

        WebhookResponse response = refused(post(body, "X-Hub-Signature-256", otherBodysSignature));

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void rejectsEmptyBodyEvenWhenItsSignatureIsCorrect() {
        WebhookResponse response = refused(TestSignatures.signedPost(new byte[0], APP_SECRET));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.bodyText()).startsWith("empty body");
    }

    @Test
    void acceptsSecondAppSecretDuringRotation() {
        WebhookHandler rotating = fixture.builder().appSecret(Secret.of("app-secret-two")).build();

        WebhookResponse newSecret = rotating.handle(TestSignatures.signedPost(body, "app-secret-two"));
        WebhookResponse oldSecret = rotating.handle(TestSignatures.signedPost(body, APP_SECRET));

        assertThat(newSecret.status()).isEqualTo(200);
        assertThat(oldSecret.status()).isEqualTo(200);
        assertThat(fixture.stored()).isEqualTo(1);
    }

    @Test
    void acceptsUppercaseHexSignature() {
        String upper = "sha256=" + TestSignatures.sign(body, APP_SECRET).substring(7).toUpperCase(java.util.Locale.ROOT);

        WebhookResponse response = handler.handle(post(body, "x-hub-signature-256", upper));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void checksSignatureBeforeParsingSoUnsignedGarbageIsUnauthorizedNotBadRequest() {
        WebhookResponse response = refused(WebhookRequest.builder().method("POST").body("{not json".getBytes(StandardCharsets.UTF_8)).build());

        assertThat(response.status()).isEqualTo(401);
    }
}
