package dev.conversa.testsupport;

import dev.conversa.webhook.WebhookRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds Meta's {@code signed_request} for core's own tests: {@code base64url(HMAC-SHA256 of the
 * payload segment, keyed by the app secret)} {@code "."} {@code base64url(payload JSON)}, both
 * without padding, and the form POST that carries it. Written apart from the production
 * verifier, so tests check it against an independent computation.
 */
public final class TestSignedRequests {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private TestSignedRequests() {}

    /**
     * The payload JSON Meta sends for a user.
     *
     * @param userId the app-scoped user id
     * @param algorithm the algorithm named in the payload, normally {@code HMAC-SHA256}
     * @param issuedAt when it was issued, written as Unix seconds
     * @return the JSON text
     */
    public static String payload(String userId, String algorithm, Instant issuedAt) {
        return "{\"algorithm\":\"" + algorithm + "\",\"expires\":" + (issuedAt.getEpochSecond() + 3600)
                + ",\"issued_at\":" + issuedAt.getEpochSecond() + ",\"user_id\":\"" + userId + "\"}";
    }

    /**
     * Encodes and signs a payload.
     *
     * @param payloadJson the payload's JSON text
     * @param appSecret the app secret to sign with
     * @return {@code <signature>.<payload>}
     */
    public static String sign(String payloadJson, String appSecret) {
        String segment = URL.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        return URL.encodeToString(hmac(segment, appSecret)) + "." + segment;
    }

    /**
     * Encodes a payload with a signature of any bytes, for forged requests.
     *
     * @param signature the signature bytes to put in front
     * @param payloadJson the payload's JSON text
     * @return {@code <signature>.<payload>}
     */
    public static String withSignature(byte[] signature, String payloadJson) {
        return URL.encodeToString(signature) + "." + URL.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The form POST Meta makes to the data deletion callback URL.
     *
     * @param signedRequest the value of {@code signed_request}
     * @return the request
     */
    public static WebhookRequest post(String signedRequest) {
        return form("signed_request=" + URLEncoder.encode(signedRequest, StandardCharsets.UTF_8));
    }

    /**
     * A form POST with any body.
     *
     * @param body the form body
     * @return the request
     */
    public static WebhookRequest form(String body) {
        return WebhookRequest.builder().method("POST").header("Content-Type", "application/x-www-form-urlencoded")
                .body(body.getBytes(StandardCharsets.US_ASCII)).build();
    }

    private static byte[] hmac(String segment, String appSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(segment.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
