package dev.conversa.webhook;

import dev.conversa.internal.crypto.HmacVerifier;
import dev.conversa.lang.Secret;
import java.util.Arrays;
import java.util.List;

/**
 * Checks {@code X-Hub-Signature-256: sha256=<hex>}: HMAC-SHA256 over the raw body bytes, keyed by
 * the UTF-8 bytes of an app secret, compared in constant time ({@link HmacVerifier}). Any
 * configured secret may match, so a secret can be rotated without downtime. Immutable and
 * thread-safe.
 */
final class SignatureVerifier {

    // lower case, as WebhookRequest keeps header names: a lookup then neither copies nor hashes the name
    static final String HEADER = "x-hub-signature-256";
    static final String SHA1_HEADER = "x-hub-signature";
    private static final String PREFIX = "sha256=";
    private static final int DIGEST_BYTES = HmacVerifier.SIGNATURE_BYTES;
    /** Each ASCII character's value as a hex digit, -1 for the rest: one read per digit instead of three tests. */
    private static final byte[] HEX_VALUES = new byte[128];

    static {
        Arrays.fill(HEX_VALUES, (byte) -1);
        for (int i = 0; i < 10; i++) {
            HEX_VALUES['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            HEX_VALUES['a' + i] = (byte) (10 + i);
            HEX_VALUES['A' + i] = (byte) (10 + i);
        }
    }

    private final HmacVerifier hmac;

    SignatureVerifier(List<Secret> appSecrets) {
        this.hmac = HmacVerifier.of(appSecrets);
    }

    /**
     * Checks a request's signature.
     *
     * @return the outcome, with the key of the signed body when the signature is valid
     */
    Verification check(WebhookRequest request) {
        String header = request.header(HEADER).orElse(null);
        if (header == null) {
            return Verification.refused(request.header(SHA1_HEADER).isPresent() ? SignatureCheck.SHA1_ONLY
                    : SignatureCheck.MISSING);
        }
        byte[] expected = decode(header);
        if (expected == null) {
            return Verification.refused(SignatureCheck.BAD_FORMAT);
        }
        byte[] body = request.rawBody();
        if (body.length == 0) {
            return Verification.refused(SignatureCheck.EMPTY_BODY);
        }
        return hmac.matches(expected, body) ? new Verification(SignatureCheck.VALID, BodyKey.of(expected))
                : Verification.refused(SignatureCheck.MISMATCH);
    }

    /**
     * What a signature check found.
     *
     * @param check the outcome
     * @param body the key of the signed body when the outcome is {@link SignatureCheck#VALID}; else null
     */
    record Verification(SignatureCheck check, BodyKey body) {

        static Verification refused(SignatureCheck check) {
            return new Verification(check, null);
        }
    }

    /** The digest the header states, or null if it is not {@code sha256=} and 64 hex digits. */
    private static byte[] decode(String header) {
        if (!header.startsWith(PREFIX) || header.length() != PREFIX.length() + DIGEST_BYTES * 2) {
            return null;
        }
        byte[] digest = new byte[DIGEST_BYTES];
        for (int i = 0; i < DIGEST_BYTES; i++) {
            int high = hexValue(header.charAt(PREFIX.length() + 2 * i));
            int low = hexValue(header.charAt(PREFIX.length() + 2 * i + 1));
            if (high < 0 || low < 0) {
                return null;
            }
            digest[i] = (byte) (high << 4 | low);
        }
        return digest;
    }

    /** The value of an ASCII hex digit, or -1 (Character.digit would also take non-ASCII digits). */
    private static int hexValue(char c) {
        return c < HEX_VALUES.length ? HEX_VALUES[c] : -1;
    }
}
