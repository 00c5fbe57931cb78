package dev.conversa.testkit;

import dev.conversa.lang.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes the {@code X-Hub-Signature-256} header Meta sends with every webhook POST:
 * {@code sha256=} and the lowercase hex HMAC-SHA256 of the raw body bytes, keyed by the UTF-8
 * bytes of the app secret.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * String header = WebhookSigner.of(Secret.of("app-secret")).sign(bodyBytes);
 * }</pre>
 *
 * @see <a href="https://developers.facebook.com/docs/graph-api/webhooks/getting-started/">Meta:
 *     validating payloads</a>
 */
public final class WebhookSigner {

    /** The name of the header the signature goes in. */
    public static final String HEADER = "X-Hub-Signature-256";

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    private WebhookSigner(Secret appSecret) {
        this.key = new SecretKeySpec(appSecret.reveal().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /**
     * Creates a signer for an app secret.
     *
     * @param appSecret the app secret
     * @return the signer
     */
    public static WebhookSigner of(Secret appSecret) {
        return new WebhookSigner(Objects.requireNonNull(appSecret, "appSecret"));
    }

    /**
     * Signs raw body bytes.
     *
     * @param body the bytes exactly as they will be sent
     * @return the header value, {@code sha256=} and 64 lowercase hex digits
     */
    public String sign(byte[] body) {
        Objects.requireNonNull(body, "body");
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /**
     * Signs a body given as text, encoded as UTF-8.
     *
     * @param body the body's text
     * @return the header value, {@code sha256=} and 64 lowercase hex digits
     */
    public String sign(String body) {
        return sign(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "WebhookSigner[***]";
    }
}
