package dev.conversa.privacy;

import static dev.conversa.testsupport.TestSignedRequests.payload;
import static dev.conversa.testsupport.TestSignedRequests.post;
import static dev.conversa.testsupport.TestSignedRequests.sign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.lang.Secret;
import dev.conversa.model.TenantId;
import dev.conversa.store.DeletionRequest;
import dev.conversa.store.DeletionStatus;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.testsupport.MutableClock;
import dev.conversa.webhook.WebhookResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DataDeletionCallbackTest {

    static final String SECRET = "app-secret-1";
    static final TenantId TENANT = TenantId.of("acme");
    static final String USER = "1234567890";

    final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    final Stores stores = InMemoryStores.create();
    final DataDeletionCallback callback = builder().build();

    DataDeletionCallback.Builder builder() {
        return DataDeletionCallback.builder()
                .appSecret(Secret.of(SECRET))
                .deletionRequests(stores.deletionRequests())
                .tenant(TENANT)
                .statusUrl("https://example.com/deletion?code={code}")
                .clock(clock);
    }

    String signedNow() {
        return sign(payload(USER, "HMAC-SHA256", clock.instant()), SECRET);
    }

    static JsonNode json(WebhookResponse response) {
        return JsonMapper.builder().build().readTree(response.bodyText());
    }

    @Test
    void answersWithTheStatusUrlAndConfirmationCode() {
        WebhookResponse response = callback.handle(post(signedNow()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json");
        String code = json(response).get("confirmation_code").asString();
        assertThat(code).matches("[A-Z0-9]{20}");
        assertThat(json(response).get("url").asString()).isEqualTo("https://example.com/deletion?code=" + code);
        assertThat(json(response).properties()).hasSize(2);
    }

    @Test
    void recordsAReceivedRequestForTheUser() {
        WebhookResponse response = callback.handle(post(signedNow()));

        String code = json(response).get("confirmation_code").asString();
        assertThat(stores.deletionRequests().find(TENANT, code)).contains(new DeletionRequest(TENANT, USER, code,
                DeletionStatus.RECEIVED, clock.instant(), clock.instant()));
        assertThat(stores.deletionRequests().listPending(TENANT, 10)).hasSize(1);
    }

    @Test
    void statusFindsTheRequestByItsCode() {
        String code = json(callback.handle(post(signedNow()))).get("confirmation_code").asString();

        assertThat(callback.status(code)).map(DeletionRequest::status).contains(DeletionStatus.RECEIVED);
        assertThat(callback.status("UNKNOWN0000")).isEmpty();
    }

    @Test
    void duplicateCallbacksForTheSameUserEachGetTheirOwnCode() {
        String first = json(callback.handle(post(signedNow()))).get("confirmation_code").asString();
        String second = json(callback.handle(post(signedNow()))).get("confirmation_code").asString();

        assertThat(first).isNotEqualTo(second);
        assertThat(stores.deletionRequests().listPending(TENANT, 10)).extracting(DeletionRequest::confirmationCode)
                .containsExactlyInAnyOrder(first, second);
    }

    @Test
    void drawsAnotherCodeWhenTheFirstIsTaken() {
        stores.deletionRequests().record(new DeletionRequest(TENANT, "other", "TAKEN0001", DeletionStatus.DONE,
                Instant.EPOCH, Instant.EPOCH));
        var codes = List.of("TAKEN0001", "FREE00001").iterator();
        DataDeletionCallback withCodes = builder().codes(codes::next).build();

        WebhookResponse response = withCodes.handle(post(signedNow()));

        assertThat(json(response).get("confirmation_code").asString()).isEqualTo("FREE00001");
    }

    @Test
    void acceptsARequestSignedWithAnyConfiguredSecret() {
        DataDeletionCallback rotating = builder().appSecret(Secret.of("new-secret")).build();

        WebhookResponse newSecret = rotating.handle(post(sign(payload(USER, "HMAC-SHA256", clock.instant()),
                "new-secret")));
        WebhookResponse oldSecret = rotating.handle(post(sign(payload(USER, "HMAC-SHA256", clock.instant()), SECRET)));

        assertThat(newSecret.status()).isEqualTo(200);
        assertThat(oldSecret.status()).isEqualTo(200);
    }

    @Test
    void acceptsTheAlgorithmNameInAnyCase() {
        WebhookResponse response = callback.handle(post(sign(payload(USER, "hmac-sha256", clock.instant()), SECRET)));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void putsTheUrlEncodedTenantInTheStatusUrl() {
        DataDeletionCallback perTenant = DataDeletionCallback.builder().appSecret(Secret.of(SECRET))
                .deletionRequests(stores.deletionRequests())
                .tenantResolver(request -> Optional.of(TenantId.of("shop one")))
                .statusUrl("https://example.com/{tenant}/deletion/{code}").clock(clock).build();

        WebhookResponse response = perTenant.handle(post(signedNow()));

        String code = json(response).get("confirmation_code").asString();
        assertThat(json(response).get("url").asString()).isEqualTo("https://example.com/shop+one/deletion/" + code);
        assertThat(perTenant.status(TenantId.of("shop one"), code)).isPresent();
    }

    @Test
    void acceptsARequestIssuedJustWithinTheMaximumAge() {
        String signed = signedNow();
        clock.advance(Duration.ofDays(1));

        assertThat(callback.handle(post(signed)).status()).isEqualTo(200);
    }
}
