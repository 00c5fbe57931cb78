package dev.conversa.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.lang.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HmacVerifierTest {

    private static final byte[] MESSAGE = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
    /** HMAC-SHA256 of {@link #MESSAGE} under the key "key", the well-known test vector. */
    private static final byte[] SIGNED_WITH_KEY = HexFormat.of()
            .parseHex("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");

    @Test
    void matchesTheKnownHmacSha256OfTheMessage() {
        assertThat(HmacVerifier.of(List.of(Secret.of("key"))).matches(SIGNED_WITH_KEY, MESSAGE)).isTrue();
    }

    @Test
    void matchesUnderAnyOfSeveralSecretsSoASecretCanBeRotated() {
        HmacVerifier rotating = HmacVerifier.of(List.of(Secret.of("new-secret"), Secret.of("key")));

        assertThat(rotating.matches(SIGNED_WITH_KEY, MESSAGE)).isTrue();
    }

    @Test
    void refusesASignatureNoSecretProduces() {
        HmacVerifier verifier = HmacVerifier.of(List.of(Secret.of("other"), Secret.of("another")));

        assertThat(verifier.matches(SIGNED_WITH_KEY, MESSAGE)).isFalse();
    }

    @Test
    void refusesTheSignatureOfADifferentMessage() {
        byte[] changed = "The quick brown fox jumps over the lazy cat".getBytes(StandardCharsets.UTF_8);

        assertThat(HmacVerifier.of(List.of(Secret.of("key"))).matches(SIGNED_WITH_KEY, changed)).isFalse();
    }

    @Test
    void refusesATruncatedSignature() {
        byte[] truncated = Arrays.copyOf(SIGNED_WITH_KEY, HmacVerifier.SIGNATURE_BYTES - 1);

        assertThat(HmacVerifier.of(List.of(Secret.of("key"))).matches(truncated, MESSAGE)).isFalse();
    }

    @Test
    void oneVerifierChecksManyMessagesAtOnceWithoutMixingThem() throws Exception {
        HmacVerifier verifier = HmacVerifier.of(List.of(Secret.of("new-secret"), Secret.of("key")));
        byte[] other = "another message".getBytes(StandardCharsets.UTF_8);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                boolean right = i % 2 == 0;
                checks.add(threads.submit(() -> verifier.matches(SIGNED_WITH_KEY, right ? MESSAGE : other) == right));
            }
            for (Future<Boolean> check : checks) {
                assertThat(check.get(10, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void needsAtLeastOneSecret() {
        assertThatThrownBy(() -> HmacVerifier.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one secret");
    }
}
