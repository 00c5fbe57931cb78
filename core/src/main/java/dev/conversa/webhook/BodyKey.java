package dev.conversa.webhook;

/**
 * Names a webhook body by the first 128 bits of its verified HMAC-SHA256. The HMAC is keyed by
 * the app secret, so no one without it can make two bodies share a key, and the key says nothing
 * of what the body holds.
 *
 * @param high the signature's first 8 bytes
 * @param low its next 8 bytes
 */
record BodyKey(long high, long low) {

    /**
     * The key of a body by its verified signature.
     *
     * @param signature the HMAC-SHA256 of the body, at least 16 bytes
     * @return the key
     */
    static BodyKey of(byte[] signature) {
        return new BodyKey(longAt(signature, 0), longAt(signature, 8));
    }

    private static long longAt(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = value << 8 | (bytes[i] & 0xff);
        }
        return value;
    }
}
