package dev.conversa.crypto;

import dev.conversa.lang.ConversaException;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts access tokens for storage with AES-256-GCM. Every encryption draws a fresh random
 * 96-bit nonce; the tenant, channel and account id are the associated data, so a ciphertext
 * copied to another tenant, channel or account does not decrypt. The ciphertext names the key
 * that sealed it, so keys can rotate: new tokens are sealed with the active key, older ones
 * still open with the retired keys that remain registered.
 *
 * <p>Ciphertext format, text safe for any column: {@code ct2.<key id>.<base64url(nonce ||
 * ciphertext || tag)>}, with the format, key id, tenant, channel and account id, each
 * length-prefixed, as associated data. Ciphertexts of the first format, {@code ct1}, sealed
 * with the tenant and account id only, still decrypt; {@link #encrypt} writes only the current
 * format, so a token is bound to its channel once it is sealed again (when its account is saved).
 *
 * <pre>{@code
 * TokenCipher cipher = TokenCipher.builder()
 *         .key("2026-11", newKeyBytes)      // 32 random bytes each
 *         .key("2026-01", retiredKeyBytes)
 *         .activeKey("2026-11")
 *         .build();
 * String sealed = cipher.encrypt(token, tenant, ChannelType.WHATSAPP, accountId);
 * Secret token = cipher.decrypt(sealed, tenant, ChannelType.WHATSAPP, accountId);
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows key ids, never keys.
 */
public final class TokenCipher {

    private static final String VERSION = "ct2";
    private static final String VERSION_WITHOUT_CHANNEL = "ct1";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;

    private TokenCipher(Map<String, SecretKey> keys, String activeKeyId) {
        this.keys = Map.copyOf(keys);
        this.activeKeyId = activeKeyId;
    }

    /**
     * Starts a cipher.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this cipher's keys, with the active key chosen explicitly, to build one
     * that differs in some of them, such as a new key during a rotation:
     * {@code cipher.toBuilder().key("k2", newKey).activeKey("k2").build()}. This cipher is left
     * as it is.
     *
     * @return a new builder with this cipher's keys
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        new TreeMap<>(keys).forEach((keyId, key) -> builder.key(keyId, key.getEncoded()));
        return builder.activeKey(activeKeyId);
    }

    /**
     * Seals a token with the active key.
     *
     * @param token the token
     * @param tenant the tenant it belongs to
     * @param channel the channel of the account
     * @param accountId the account it belongs to
     * @return the ciphertext, in the current format above
     */
    public String encrypt(Secret token, TenantId tenant, ChannelType channel, String accountId) {
        Objects.requireNonNull(token, "token");
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, activeKeyId, nonce,
                associatedData(activeKeyId, tenant, channel, accountId),
                token.reveal().getBytes(StandardCharsets.UTF_8));
        byte[] body = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        return VERSION + '.' + activeKeyId + '.' + Base64.getUrlEncoder().withoutPadding().encodeToString(body);
    }

    /**
     * Opens a token sealed by {@link #encrypt} with any registered key, in the current format or
     * the first one ({@code ct1}, which did not bind the channel, so {@code channel} is not
     * checked for it).
     *
     * @param ciphertext the ciphertext
     * @param tenant the tenant it was sealed for
     * @param channel the channel it was sealed for
     * @param accountId the account it was sealed for
     * @return the token
     * @throws ConversaException if the format is wrong, its key is not registered, or it fails
     *     authentication (tampered, sealed under other key bytes, or for another tenant, channel
     *     or account); the message never contains the ciphertext, the token or the key
     */
    public Secret decrypt(String ciphertext, TenantId tenant, ChannelType channel, String accountId) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(channel, "channel");
        String[] parts = ciphertext.split("\\.", -1);
        if (parts.length != 3 || !(VERSION.equals(parts[0]) || VERSION_WITHOUT_CHANNEL.equals(parts[0]))) {
            throw new ConversaException("token ciphertext has an unknown format");
        }
        String keyId = parts[1];
        if (!keys.containsKey(keyId)) {
            throw new ConversaException("token was sealed with key '" + keyId + "', which is not registered");
        }
        byte[] body = decodeBody(parts[2]);
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(body, 0, nonce, 0, NONCE_BYTES);
        byte[] sealed = new byte[body.length - NONCE_BYTES];
        System.arraycopy(body, NONCE_BYTES, sealed, 0, sealed.length);
        byte[] associatedData = VERSION.equals(parts[0])
                ? associatedData(keyId, tenant, channel, accountId)
                : associatedDataWithoutChannel(keyId, tenant, accountId);
        byte[] plain = run(Cipher.DECRYPT_MODE, keyId, nonce, associatedData, sealed);
        return Secret.of(new String(plain, StandardCharsets.UTF_8));
    }

    /**
     * The id of the key new tokens are sealed with.
     *
     * @return the active key id
     */
    public String activeKeyId() {
        return activeKeyId;
    }

    private static byte[] decodeBody(String text) {
        try {
            byte[] body = Base64.getUrlDecoder().decode(text);
            if (body.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new ConversaException("token ciphertext is too short");
            }
            return body;
        } catch (IllegalArgumentException e) {
            throw new ConversaException("token ciphertext is not valid base64url");
        }
    }

    private byte[] run(int mode, String keyId, byte[] nonce, byte[] associatedData, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, keys.get(keyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new ConversaException(mode == Cipher.DECRYPT_MODE
                    ? "token failed authentication: sealed with different key bytes under this key id, for "
                            + "another tenant, channel or account, or tampered with"
                    : "token encryption failed", e);
        }
    }

    /** The current format's associated data: every field length-prefixed, so none can run into the next. */
    private static byte[] associatedData(String keyId, TenantId tenant, ChannelType channel, String accountId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(accountId, "accountId");
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (String field : new String[] {VERSION, keyId, tenant.value(), channel.value(), accountId}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            data.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            data.writeBytes(bytes);
        }
        return data.toByteArray();
    }

    /** The associated data of format {@code ct1}, as it was written: no channel. */
    private static byte[] associatedDataWithoutChannel(String keyId, TenantId tenant, String accountId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(accountId, "accountId");
        String data = VERSION_WITHOUT_CHANNEL + '\u0000' + keyId + '\u0000' + tenant.value() + '\u0000' + accountId;
        return data.getBytes(StandardCharsets.UTF_8);
    }

    /** Shows the key ids, never the keys. */
    @Override
    public String toString() {
        return "TokenCipher[active=" + activeKeyId + ", keys=" + keys.keySet().stream().sorted().toList() + "]";
    }

    /** Collects keys for a {@link TokenCipher}. Not thread-safe; build once. */
    public static final class Builder {

        private final List<Map.Entry<String, byte[]>> keys = new ArrayList<>();
        private String activeKeyId;

        private Builder() {}

        /**
         * Registers a key. The array is copied; wipe yours afterwards if you like.
         *
         * @param keyId a short name stored in every ciphertext: 1 to 40 letters, digits,
         *     {@code -} or {@code _}
         * @param key exactly 32 random bytes
         * @return this builder
         */
        public Builder key(String keyId, byte[] key) {
            Objects.requireNonNull(keyId, "keyId");
            keys.add(Map.entry(keyId, Objects.requireNonNull(key, "key").clone()));
            return this;
        }

        /**
         * Chooses the key new tokens are sealed with; optional when only one key is registered.
         *
         * @param keyId a registered key's id
         * @return this builder
         */
        public Builder activeKey(String keyId) {
            this.activeKeyId = Objects.requireNonNull(keyId, "keyId");
            return this;
        }

        /**
         * Builds the cipher.
         *
         * @return the cipher
         * @throws IllegalStateException if no key is registered, a key id is malformed or
         *     registered twice, a key is not 32 bytes, or several keys are registered and none (or
         *     an unregistered one) is chosen as active
         */
        public TokenCipher build() {
            if (keys.isEmpty()) {
                throw new IllegalStateException("key is required: call TokenCipher.builder().key(id, 32 random bytes)");
            }
            Map<String, SecretKey> byId = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> entry : keys) {
                String keyId = entry.getKey();
                if (!KEY_ID.matcher(keyId).matches()) {
                    throw new IllegalStateException("key id must be 1-40 letters, digits, '-' or '_': " + keyId);
                }
                if (entry.getValue().length != KEY_BYTES) {
                    throw new IllegalStateException(
                            "key '" + keyId + "' must be 32 bytes for AES-256, got " + entry.getValue().length);
                }
                if (byId.putIfAbsent(keyId, new SecretKeySpec(entry.getValue(), "AES")) != null) {
                    throw new IllegalStateException("key id '" + keyId + "' is registered twice");
                }
            }
            String active = activeKeyId;
            if (active == null && byId.size() == 1) {
                active = byId.keySet().iterator().next();
            }
            if (active == null) {
                throw new IllegalStateException("several keys are registered: choose one with activeKey(id)");
            }
            if (!byId.containsKey(active)) {
                throw new IllegalStateException("activeKey '" + active + "' is not registered: call key(id, bytes)");
            }
            return new TokenCipher(byId, active);
        }
    }
}
