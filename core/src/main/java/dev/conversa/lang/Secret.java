package dev.conversa.lang;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret string (access token, app secret, API key) that never shows itself: its
 * {@code toString()} is {@code "Secret[***]"}, so it cannot leak into logs or exception
 * messages by accident. Call {@link #reveal()} only where the value is sent.
 *
 * <p>Immutable and thread-safe.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret.
     *
     * @param value the secret, not blank
     * @return the secret
     * @throws IllegalArgumentException if it is blank
     */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
        return new Secret(value);
    }

    /**
     * Returns the secret's value, to send it where it belongs. Never log it.
     *
     * @return the value
     */
    public String reveal() {
        return value;
    }

    /**
     * Compares with a candidate in time that does not depend on where they differ.
     *
     * @param candidate the value to check, may be null
     * @return true if equal
     */
    public boolean matches(String candidate) {
        return candidate != null
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Secret[***]";
    }
}
