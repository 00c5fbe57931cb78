package dev.conversa.testkit;

import static org.assertj.core.api.Assertions.assertThat;

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
        var request = SignedRequests.builder(Secret.of("app-secret")).userId("42").issuedAt(NOW).toRequest();

        assertThat(callback.handle(request).status()).isEqualTo(200);
        assertThat(stores.deletionRequests().listPending(TenantId.of("acme"), 10)).singleElement()
                .satisfies(deletion -> assertThat(deletion.subject()).isEqualTo("42"));
    }

    @Test
    void aRequestSignedWithAnotherSecretIsRefused() {
        var request = SignedRequests.builder(Secret.of("other-secret")).issuedAt(NOW).toRequest();

        assertThat(callback.handle(request).status()).isEqualTo(401);
    }

    @Test
    void thePayloadSegmentIsTheUnpaddedBase64UrlOfThePayload() {
        String signed = SignedRequests.builder(Secret.of("app-secret")).payloadJson("{\"a\":1}").build();

        String payload = signed.substring(signed.indexOf('.') + 1);
        assertThat(payload).doesNotContain("=");
        assertThat(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    }
}
