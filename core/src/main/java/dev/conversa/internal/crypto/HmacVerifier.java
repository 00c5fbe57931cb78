package dev.conversa.internal.crypto;

import dev.conversa.lang.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
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

    /** MACs kept ready per secret: enough for the threads that check signatures at once. */
    private static final int IDLE_MACS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    /**
     * Per secret, an initialized MAC never used itself and a few idle ones: a check borrows an
     * idle MAC (no allocation) or, when all are in use, works on a clone of the prototype (a
     * copy of its state instead of a provider look-up and a key set-up), and gives it back.
     * {@code doFinal} leaves a MAC reset, ready for the next message under the same key.
     */
    private final List<Key> keys;

    private HmacVerifier(List<Key> keys) {
        this.keys = keys;
    }

    private record Key(SecretKeySpec spec, Mac prototype, AtomicReferenceArray<Mac> idle) {

        Key(SecretKeySpec spec) {
            this(spec, initialized(spec), new AtomicReferenceArray<>(IDLE_MACS));
        }

        byte[] sign(byte[] message) {
            Mac mac = borrow();
            byte[] signature = mac.doFinal(message);
            giveBack(mac);
            return signature;
        }

        private Mac borrow() {
            for (int i = 0; i < idle.length(); i++) {
                Mac mac = idle.getAndSet(i, null);
                if (mac != null) {
                    return mac;
                }
            }
            try {
                return (Mac) prototype.clone();
            } catch (CloneNotSupportedException e) {
                return initialized(spec); // a provider whose MAC cannot be cloned
            }
        }

        private void giveBack(Mac mac) {
            for (int i = 0; i < idle.length(); i++) {
                if (idle.compareAndSet(i, null, mac)) {
                    return;
                }
            }
        }
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
                .map(Key::new)
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
        for (int i = 0; i < keys.size(); i++) {
            matched |= MessageDigest.isEqual(signature, keys.get(i).sign(message));
        }
        return matched;
    }

    private static Mac initialized(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
