package dev.conversa.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.lang.ConversaException;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private static final ChannelType WHATSAPP = ChannelType.WHATSAPP;
    private static final Secret TOKEN = Secret.of("EAAG-token-value");
    /**
     * {@link #TOKEN} for (acme, phone-1) under key "k1" of {@code key(1)}, as the first format
     * ({@code ct1}, before the channel was bound) wrote it: sealed by the cipher of commit f9a98b0.
     */
    private static final String FIRST_FORMAT = "ct1.k1.UK7BU0bsKDkIuy4WkQaxnlo879FAtdhaH7Pdim1FwlOvxxOYghxuunLVCf0";

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

        String sealed = cipher.encrypt(TOKEN, TENANT, WHATSAPP, "phone-1");

        assertThat(cipher.decrypt(sealed, TENANT, WHATSAPP, "phone-1")).isEqualTo(TOKEN);
    }

    @Test
    void ciphertextNamesItsKeyAndHidesTheToken() {
        String sealed = cipher("k1", 1).encrypt(TOKEN, TENANT, WHATSAPP, "phone-1");

        assertThat(sealed).startsWith("ct2.k1.").doesNotContain(TOKEN.reveal());
    }

    @Test
    void refusesCiphertextSealedForAnotherAccount() {
        TokenCipher cipher = cipher("k1", 1);
        String sealed = cipher.encrypt(TOKEN, TENANT, WHATSAPP, "phone-1");

        assertThatThrownBy(() -> cipher.decrypt(sealed, TENANT, WHATSAPP, "phone-2"))
                .isInstanceOf(ConversaException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void refusesCiphertextSealedForAnotherTenant() {
        TokenCipher cipher = cipher("k1", 1);
        String sealed = cipher.encrypt(TOKEN, TENANT, WHATSAPP, "phone-1");

        assertThatThrownBy(() -> cipher.decrypt(sealed, TenantId.of("other"), WHATSAPP, "phone-1"))
                .isInstanceOf(ConversaException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void refusesCiphertextSealedForAnotherChannel() {
        TokenCipher cipher = cipher("k1", 1);
        String sealed = cipher.encrypt(TOKEN, TENANT, WHATSAPP, "1234");

        assertThatThrownBy(() -> cipher.decrypt(sealed, TENANT, ChannelType.MESSENGER, "1234"))
                .isInstanceOf(ConversaException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void ciphersWithDifferentKeyBytesUnderTheSameKeyIdCannotReadEachOther() {
        // given
        TokenCipher first = cipher("k1", 1);
        TokenCipher second = cipher("k1", 2);
        String sealedByFirst = first.encrypt(TOKEN, TENANT, WHATSAPP, "phone-1");
        String sealedBySecond = second.encrypt(TOKEN, TENANT, WHATSAPP, "phone-1");

        // then
        assertThatThrownBy(() -> second.decrypt(sealedByFirst, TENANT, WHATSAPP, "phone-1"))
                .isInstanceOf(ConversaException.class)
                .hasMessageContaining("failed authentication")
                .satisfies(failure -> assertHoldsNoSecret(failure, sealedByFirst));
        assertThatThrownBy(() -> first.decrypt(sealedBySecond, TENANT, WHATSAPP, "phone-1"))
                .isInstanceOf(ConversaException.class)
                .hasMessageContaining("failed authentication")
                .satisfies(failure -> assertHoldsNoSecret(failure, sealedBySecond));
        assertThat(first.decrypt(sealedByFirst, TENANT, WHATSAPP, "phone-1")).isEqualTo(TOKEN);
        assertThat(second.decrypt(sealedBySecond, TENANT, WHATSAPP, "phone-1")).isEqualTo(TOKEN);
    }

    @Test
    void decryptsATokenSealedInTheFirstFormatWithoutItsChannel() {
        TokenCipher cipher = cipher("k1", 1);

        assertThat(cipher.decrypt(FIRST_FORMAT, TENANT, WHATSAPP, "phone-1")).isEqualTo(TOKEN);
    }

    @Test
    void stillRefusesAFirstFormatTokenForAnotherTenantOrAccount() {
        TokenCipher cipher = cipher("k1", 1);

        assertThatThrownBy(() -> cipher.decrypt(FIRST_FORMAT, TENANT, WHATSAPP, "phone-2"))
                .isInstanceOf(ConversaException.class)
                .hasMessageContaining("failed authentication");
        assertThatThrownBy(() -> cipher.decrypt(FIRST_FORMAT, TenantId.of("other"), WHATSAPP, "phone-1"))
                .isInstanceOf(ConversaException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void sealsAFirstFormatTokenAgainInTheCurrentFormat() {
        TokenCipher cipher = cipher("k1", 1);
        Secret opened = cipher.decrypt(FIRST_FORMAT, TENANT, WHATSAPP, "phone-1");

        String resealed = cipher.encrypt(opened, TENANT, WHATSAPP, "phone-1");

        assertThat(resealed).startsWith("ct2.k1.");
        assertThat(cipher.decrypt(resealed, TENANT, WHATSAPP, "phone-1")).isEqualTo(TOKEN);
        assertThatThrownBy(() -> cipher.decrypt(resealed, TENANT, ChannelType.MESSENGER, "phone-1"))
                .isInstanceOf(ConversaException.class);
    }

    @Test
    void refusesACurrentCiphertextRelabelledAsTheFirstFormat() {
        TokenCipher cipher = cipher("k1", 1);
        String sealed = cipher.encrypt(TOKEN, TENANT, WHATSAPP, "phone-1");
        String relabelled = "ct1" + sealed.substring("ct2".length());

        assertThatThrownBy(() -> cipher.decrypt(relabelled, TENANT, ChannelType.MESSENGER, "phone-1"))
                .isInstanceOf(ConversaException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void refusesAFirstFormatCiphertextRelabelledAsTheCurrentFormat() {
        String relabelled = "ct2" + FIRST_FORMAT.substring("ct1".length());

        assertThatThrownBy(() -> cipher("k1", 1).decrypt(relabelled, TENANT, WHATSAPP, "phone-1"))
                .isInstanceOf(ConversaException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void refusesTamperedCiphertext() {
        TokenCipher cipher = cipher("k1", 1);
        String sealed = cipher.encrypt(TOKEN, TENANT, WHATSAPP, "phone-1");
        String[] parts = sealed.split("\\.");
        byte[] body = Base64.getUrlDecoder().decode(parts[2]);
        body[body.length - 20] ^= 1;
        String tampered = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(body);

        assertThatThrownBy(() -> cipher.decrypt(tampered, TENANT, WHATSAPP, "phone-1"))
                .isInstanceOf(ConversaException.class)
                .hasMessageContaining("failed authentication")
                .hasMessageNotContaining(tampered);
    }

    @Test
    void rotatedCipherStillDecryptsTokensSealedWithTheRetiredKey() {
        String old = cipher("2026-01", 1).encrypt(TOKEN, TENANT, WHATSAPP, "phone-1");
        TokenCipher rotated = TokenCipher.builder()
                .key("2026-01", key(1))
                .key("2026-11", key(2))
                .activeKey("2026-11")
                .build();

        String fresh = rotated.encrypt(TOKEN, TENANT, WHATSAPP, "phone-1");

        assertThat(rotated.decrypt(old, TENANT, WHATSAPP, "phone-1")).isEqualTo(TOKEN);
        assertThat(fresh).startsWith("ct2.2026-11.");
        assertThat(rotated.decrypt(fresh, TENANT, WHATSAPP, "phone-1")).isEqualTo(TOKEN);
    }

    @Test
    void refusesCiphertextOfAKeyThatIsNotRegistered() {
        String sealed = cipher("gone", 1).encrypt(TOKEN, TENANT, WHATSAPP, "phone-1");

        assertThatThrownBy(() -> cipher("k1", 1).decrypt(sealed, TENANT, WHATSAPP, "phone-1"))
                .isInstanceOf(ConversaException.class)
                .hasMessageContaining("'gone'");
    }

    @Test
    void refusesTextThatIsNotACiphertext() {
        assertThatThrownBy(() -> cipher("k1", 1).decrypt("plain-token", TENANT, WHATSAPP, "phone-1"))
                .isInstanceOf(ConversaException.class)
                .hasMessage("token ciphertext has an unknown format");
    }

    @Test
    void drawsAFreshNonceForEveryEncryption() {
        TokenCipher cipher = cipher("k1", 1);
        Set<String> nonces = new HashSet<>();

        for (int i = 0; i < 1000; i++) {
            byte[] body = Base64.getUrlDecoder().decode(cipher.encrypt(TOKEN, TENANT, WHATSAPP, "phone-1").split("\\.")[2]);
            nonces.add(Base64.getEncoder().encodeToString(Arrays.copyOf(body, 12)));
        }

        assertThat(nonces).hasSize(1000);
    }

    @Test
    void rejectsKeysThatAreNot32Bytes() {
        assertThatThrownBy(() -> TokenCipher.builder().key("k1", new byte[16]).build())
                .isInstanceOf(IllegalStateException.class)
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
                .hasMessageStartingWith("key is required");
    }

    @Test
    void toBuilderKeepsTheKeysAndLeavesTheOriginalAloneWhenAKeyIsAdded() {
        TokenCipher original = TokenCipher.builder().key("k1", key(1)).build();
        String sealed = original.encrypt(Secret.of("token"), TenantId.of("t"), ChannelType.WHATSAPP, "acct");

        TokenCipher copy = original.toBuilder().build();
        TokenCipher rotated = original.toBuilder().key("k2", key(2)).activeKey("k2").build();

        assertThat(copy.decrypt(sealed, TenantId.of("t"), ChannelType.WHATSAPP, "acct").reveal()).isEqualTo("token");
        assertThat(rotated.decrypt(sealed, TenantId.of("t"), ChannelType.WHATSAPP, "acct").reveal()).isEqualTo("token");
        assertThat(rotated.encrypt(Secret.of("token"), TenantId.of("t"), ChannelType.WHATSAPP, "acct")).startsWith("ct2.k2.");
        assertThat(original.encrypt(Secret.of("token"), TenantId.of("t"), ChannelType.WHATSAPP, "acct")).startsWith("ct2.k1.");
    }

    @Test
    void toStringShowsKeyIdsOnly() {
        assertThat(cipher("k1", 1)).hasToString("TokenCipher[active=k1, keys=[k1]]");
    }

    private static void assertHoldsNoSecret(Throwable failure, String ciphertext) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            assertThat(String.valueOf(cause.getMessage()))
                    .doesNotContain(ciphertext, ciphertext.substring(ciphertext.lastIndexOf('.') + 1), TOKEN.reveal(),
                            Base64.getEncoder().encodeToString(key(1)), Base64.getEncoder().encodeToString(key(2)));
        }
    }
}
