package dev.conversa.testsupport;

import dev.conversa.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies the way Meta does, for core's own tests: {@code sha256=} and the lowercase
 * hex HMAC-SHA256 of the raw bytes keyed by the app secret. Written apart from the production
 * verifier so that tests check it against an independent computation. Hosts and channel modules
 * use {@code dev.conversa.testkit.WebhookSigner} instead.
 */
public final class TestSignatures {

    private TestSignatures() {
    }

    /**
     * The {@code X-Hub-Signature-256} value for a body.
     *
     * @param body the raw bytes
     * @param appSecret the app secret
     * @return {@code sha256=<64 hex digits>}
     */
    public static String sign(byte[] body, String appSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The {@code X-Hub-Signature-256} value for a UTF-8 body.
     *
     * @param body the body's text
     * @param appSecret the app secret
     * @return {@code sha256=<64 hex digits>}
     */
    public static String sign(String body, String appSecret) {
        return sign(body.getBytes(StandardCharsets.UTF_8), appSecret);
    }

    /**
     * A POST with the body and its correct {@code X-Hub-Signature-256}.
     *
     * @param body the raw bytes
     * @param appSecret the app secret to sign with
     * @return the request
     */
    public static WebhookRequest signedPost(byte[] body, String appSecret) {
        return WebhookRequest.builder()
                .method("POST")
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", sign(body, appSecret))
                .body(body)
                .build();
    }

    /**
     * A POST with the UTF-8 body and its correct {@code X-Hub-Signature-256}.
     *
     * @param json the body's text
     * @param appSecret the app secret to sign with
     * @return the request
     */
    public static WebhookRequest signedPost(String json, String appSecret) {
        return signedPost(json.getBytes(StandardCharsets.UTF_8), appSecret);
    }
}
