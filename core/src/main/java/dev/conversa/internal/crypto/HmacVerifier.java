package dev.conversa.internal.crypto;

import dev.conversa.lang.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks an HMAC-SHA256 signature against every secret of a Meta app, keyed by each secret's
 * UTF-8 bytes. Any secret may match, so a secret can be rotated without downtime; every secret
 * is always tried and each comparison runs in constant time ({@link MessageDigest#isEqual}), so
 * the time taken tells neither how much of a signature was right nor which secret matched.
 *
 * <p><b>Internal:</b> not part of the public API. Immutable and thread-safe.
 *
 * <pre>{@code
 * HmacVerifier verifier = HmacVerifier.of(List.of(current, previous));
 * boolean valid = verifier.matches(statedSignature, rawBody);
 * }</pre>
 */
public final class HmacVerifier {

    /** The length of an HMAC-SHA256 signature, in bytes. */
    public static final int SIGNATURE_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final List<SecretKeySpec> keys;

    private HmacVerifier(List<SecretKeySpec> keys) {
        this.keys = keys;
    }

    /**
     * Creates a verifier over the secrets.
     *
     * @param secrets the app secrets, current one and any being rotated out
     * @return the verifier
     * @throws IllegalArgumentException if there is no secret
     */
    public static HmacVerifier of(List<Secret> secrets) {
        Objects.requireNonNull(secrets, "secrets");
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is required");
        }
        return new HmacVerifier(secrets.stream()
                .map(secret -> new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), ALGORITHM))
                .toList());
    }

    /**
     * Whether a stated signature is the HMAC-SHA256 of the message under any of the secrets.
     *
     * @param signature the signature the sender stated, decoded to bytes
     * @param message the exact bytes that were signed
     * @return true if a secret matches
     */
    public boolean matches(byte[] signature, byte[] message) {
        boolean matched = false;
        for (SecretKeySpec key : keys) {
            matched |= MessageDigest.isEqual(signature, hmac(key, message));
        }
        return matched;
    }

    private static byte[] hmac(SecretKeySpec key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
