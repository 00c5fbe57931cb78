package dev.conversa.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.ConversaException;
import dev.conversa.Secret;
import dev.conversa.model.TenantId;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private static final Secret TOKEN = Secret.of("EAAG-token-value");

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private static TokenCipher cipher(String keyId, int fill) {
        return TokenCipher.builder().key(keyId, key(fill)).build();
    }

    @Test
    void decryptsWhatItEncrypted() {
        TokenCipher cipher = cipher("k1", 1);

        String sealed = cipher.encrypt(TOKEN, TENANT, "phone-1");

        assertThat(cipher.decrypt(sealed, TENANT, "phone-1")).isEqualTo(TOKEN);
    }

    @Test
    void ciphertextNamesItsKeyAndHidesTheToken() {
        String sealed = cipher("k1", 1).encrypt(TOKEN, TENANT, "phone-1");

        assertThat(sealed).startsWith("ct1.k1.").doesNotContain(TOKEN.reveal());
    }

    @Test
    void refusesCiphertextSealedForAnotherAccount() {
        TokenCipher cipher = cipher("k1", 1);
        String sealed = cipher.encrypt(TOKEN, TENANT, "phone-1");

        assertThatThrownBy(() -> cipher.decrypt(sealed, TENANT, "phone-2"))
                .isInstanceOf(ConversaException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void refusesCiphertextSealedForAnotherTenant() {
        TokenCipher cipher = cipher("k1", 1);
        String sealed = cipher.encrypt(TOKEN, TENANT, "phone-1");

        assertThatThrownBy(() -> cipher.decrypt(sealed, TenantId.of("other"), "phone-1"))
                .isInstanceOf(ConversaException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void refusesTamperedCiphertext() {
        TokenCipher cipher = cipher("k1", 1);
        String sealed = cipher.encrypt(TOKEN, TENANT, "phone-1");
        String[] parts = sealed.split("\\.");
        byte[] body = Base64.getUrlDecoder().decode(parts[2]);
        body[body.length - 20] ^= 1;
        String tampered = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(body);

        assertThatThrownBy(() -> cipher.decrypt(tampered, TENANT, "phone-1"))
                .isInstanceOf(ConversaException.class)
                .hasMessageContaining("failed authentication")
                .hasMessageNotContaining(tampered);
    }

    @Test
    void rotatedCipherStillDecryptsTokensSealedWithTheRetiredKey() {
        String old = cipher("2026-01", 1).encrypt(TOKEN, TENANT, "phone-1");
        TokenCipher rotated = TokenCipher.builder()
                .key("2026-01", key(1))
                .key("2026-11", key(2))
                .activeKey("2026-11")
                .build();

        String fresh = rotated.encrypt(TOKEN, TENANT, "phone-1");

        assertThat(rotated.decrypt(old, TENANT, "phone-1")).isEqualTo(TOKEN);
        assertThat(fresh).startsWith("ct1.2026-11.");
        assertThat(rotated.decrypt(fresh, TENANT, "phone-1")).isEqualTo(TOKEN);
    }

    @Test
    void refusesCiphertextOfAKeyThatIsNotRegistered() {
        String sealed = cipher("gone", 1).encrypt(TOKEN, TENANT, "phone-1");

        assertThatThrownBy(() -> cipher("k1", 1).decrypt(sealed, TENANT, "phone-1"))
                .isInstanceOf(ConversaException.class)
                .hasMessageContaining("'gone'");
    }

    @Test
    void refusesTextThatIsNotACiphertext() {
        assertThatThrownBy(() -> cipher("k1", 1).decrypt("plain-token", TENANT, "phone-1"))
                .isInstanceOf(ConversaException.class)
                .hasMessage("token ciphertext has an unknown format");
    }

    @Test
    void drawsAFreshNonceForEveryEncryption() {
        TokenCipher cipher = cipher("k1", 1);
        Set<String> nonces = new HashSet<>();

        for (int i = 0; i < 1000; i++) {
            byte[] body = Base64.getUrlDecoder().decode(cipher.encrypt(TOKEN, TENANT, "phone-1").split("\\.")[2]);
            nonces.add(Base64.getEncoder().encodeToString(Arrays.copyOf(body, 12)));
        }

        assertThat(nonces).hasSize(1000);
    }

    @Test
    void rejectsKeysThatAreNot32Bytes() {
        assertThatThrownBy(() -> TokenCipher.builder().key("k1", new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void requiresAnActiveKeyWhenSeveralAreRegistered() {
        TokenCipher.Builder builder = TokenCipher.builder().key("a", key(1)).key("b", key(2));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("activeKey");
    }

    @Test
    void requiresAKey() {
        assertThatThrownBy(() -> TokenCipher.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a key");
    }

    @Test
    void toStringShowsKeyIdsOnly() {
        assertThat(cipher("k1", 1)).hasToString("TokenCipher[active=k1, keys=[k1]]");
    }
}
