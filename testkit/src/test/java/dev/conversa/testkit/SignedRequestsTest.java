package dev.conversa.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.lang.Secret;
import dev.conversa.model.TenantId;
import dev.conversa.privacy.DataDeletionCallback;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignedRequestsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final Stores stores = InMemoryStores.create();
    private final DataDeletionCallback callback = DataDeletionCallback.builder()
            .appSecret(Secret.of("app-secret"))
            .deletionRequests(stores.deletionRequests())
            .tenant(TenantId.of("acme"))
            .statusUrl("https://example.com/deletion?code={code}")
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build();

    @Test
    void aSignedRequestIsAcceptedByTheDataDeletionCallback() {
        var request = SignedRequests.builder().appSecret(Secret.of("app-secret")).userId("42").issuedAt(NOW).build()
                .toRequest();

        assertThat(callback.handle(request).status()).isEqualTo(200);
        assertThat(stores.deletionRequests().listPending(TenantId.of("acme"), 10)).singleElement()
                .satisfies(deletion -> assertThat(deletion.subject()).isEqualTo("42"));
    }

    @Test
    void aRequestSignedWithAnotherSecretIsRefused() {
        var request = SignedRequests.builder().appSecret(Secret.of("other-secret")).issuedAt(NOW).build().toRequest();

        assertThat(callback.handle(request).status()).isEqualTo(401);
    }

    @Test
    void thePayloadSegmentIsTheUnpaddedBase64UrlOfThePayload() {
        String signed = SignedRequests.builder().appSecret(Secret.of("app-secret")).payloadJson("{\"a\":1}").build()
                .signedRequest();

        String payload = signed.substring(signed.indexOf('.') + 1);
        assertThat(payload).doesNotContain("=");
        assertThat(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    }

    @Test
    void buildNamesTheMissingAppSecret() {
        SignedRequests.Builder builder = SignedRequests.builder().userId("42");

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("appSecret is required");
    }

    @Test
    void toBuilderKeepsSecretUserAlgorithmAndIssueTime() {
        SignedRequests original = SignedRequests.builder().appSecret(Secret.of("app-secret")).userId("42")
                .algorithm("HMAC-SHA1").issuedAt(NOW).build();

        SignedRequests copy = original.toBuilder().build();
        SignedRequests changed = original.toBuilder().userId("43").build();

        assertThat(copy.signedRequest()).isEqualTo(original.signedRequest());
        assertThat(changed.signedRequest()).isNotEqualTo(original.signedRequest());
        assertThat(original.signedRequest()).isEqualTo(SignedRequests.builder().appSecret(Secret.of("app-secret"))
                .userId("42").algorithm("HMAC-SHA1").issuedAt(NOW).build().signedRequest());
    }

    @Test
    void toBuilderKeepsAReplacedPayload() {
        SignedRequests original = SignedRequests.builder().appSecret(Secret.of("app-secret")).payloadJson("{\"a\":1}")
                .build();

        assertThat(original.toBuilder().build().signedRequest()).isEqualTo(original.signedRequest());
    }

    @Test
    void showsNoSecretAndNoUserIdInToString() {
        SignedRequests request = SignedRequests.builder().appSecret(Secret.of("app-secret")).userId("1029384756")
                .issuedAt(NOW).build();

        assertThat(request.toString()).doesNotContain("app-secret", "1029384756");
    }
}
