package dev.conversa.internal.privacy;

import dev.conversa.internal.store.StoreArguments;
import dev.conversa.lang.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of a normalized identifier under the deployment's pepper: what stays of an
 * identifier that must outlive its person (the erasure ledger, audit records). Never a plain
 * hash: phone numbers are few enough to try them all. Keys are typed, so a phone number, a user
 * name and a channel id never hash alike: {@code phone:<E.164 digits>}, {@code user:<lower case,
 * without @>}, {@code id:<channel id as given>}.
 *
 * <p><b>Internal:</b> public only because several packages share it. Immutable and thread-safe.
 */
public final class KeyedHash {

    /** The shortest pepper accepted, in characters. */
    public static final int MIN_PEPPER_LENGTH = 32;
    /** The longest phone number E.164 allows, in digits; longer digit strings are channel ids. */
    private static final int MAX_PHONE_DIGITS = 15;

    private final SecretKeySpec key;

    /**
     * Creates the hash.
     *
     * @param pepper the deployment's pepper, at least {@value #MIN_PEPPER_LENGTH} characters
     * @throws IllegalArgumentException if the pepper is shorter
     */
    public KeyedHash(Secret pepper) {
        String value = Objects.requireNonNull(pepper, "pepper").reveal();
        if (value.length() < MIN_PEPPER_LENGTH) {
            throw new IllegalArgumentException("privacyPepper must be at least " + MIN_PEPPER_LENGTH
                    + " characters");
        }
        this.key = new SecretKeySpec(value.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /**
     * The keyed hash of a key made by {@link #idKey}, {@link #phoneKey} or {@link #userKey}.
     *
     * @param typedKey the key
     * @return 64 lower-case hexadecimal digits
     */
    public String hash(String typedKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(typedKey.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * The key of a channel id (wa_id, BSUID, PSID, IGSID, contact id).
     *
     * @param externalId the id as the channel gives it
     * @return the typed key
     */
    public static String idKey(String externalId) {
        return "id:" + externalId;
    }

    /**
     * The key of a phone number.
     *
     * @param phone the number in any common format
     * @return the typed key of its digits
     */
    public static String phoneKey(String phone) {
        return "phone:" + StoreArguments.phoneDigits(phone);
    }

    /**
     * The key of a user name.
     *
     * @param username with or without a leading {@code @}, any case
     * @return the typed key
     */
    public static String userKey(String username) {
        return "user:" + StoreArguments.usernameOf(username.strip()).toLowerCase(Locale.ROOT);
    }

    /**
     * The one key an identifier a host typed stands for: a phone number (at most 15 digits,
     * with {@code +}, spaces, dashes or brackets), a user name when it starts with {@code @},
     * else a channel id.
     *
     * @param identifier what the host typed
     * @return the typed key
     */
    public static String canonicalKey(String identifier) {
        String trimmed = identifier.strip();
        Optional<String> digits = StoreArguments.phoneDigitsOf(trimmed);
        if (digits.isPresent() && !digits.get().isEmpty() && digits.get().length() <= MAX_PHONE_DIGITS) {
            return phoneKey(trimmed);
        }
        if (trimmed.startsWith("@")) {
            return userKey(trimmed);
        }
        return idKey(trimmed);
    }

    /** Never shows the pepper. */
    @Override
    public String toString() {
        return "KeyedHash[HmacSHA256]";
    }
}
