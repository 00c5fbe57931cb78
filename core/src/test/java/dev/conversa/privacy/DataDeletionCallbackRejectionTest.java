package dev.conversa.privacy;

import static dev.conversa.testsupport.TestSignedRequests.form;
import static dev.conversa.testsupport.TestSignedRequests.payload;
import static dev.conversa.testsupport.TestSignedRequests.post;
import static dev.conversa.testsupport.TestSignedRequests.sign;
import static dev.conversa.testsupport.TestSignedRequests.withSignature;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.lang.Secret;
import dev.conversa.model.TenantId;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.testsupport.MutableClock;
import dev.conversa.webhook.WebhookRequest;
import dev.conversa.webhook.WebhookResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every way a data deletion callback is refused, with its status and exact reason, recording nothing. */
class DataDeletionCallbackRejectionTest {

    private static final String SECRET = "app-secret-1";
    private static final TenantId TENANT = TenantId.of("acme");
    private static final String USER = "1234567890";

    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private final Stores stores = InMemoryStores.create();
    private final DataDeletionCallback callback = DataDeletionCallback.builder()
            .appSecret(Secret.of(SECRET))
            .deletionRequests(stores.deletionRequests())
            .tenant(TENANT)
            .statusUrl("https://example.com/deletion?code={code}")
            .clock(clock)
            .build();

    @AfterEach
    void recordedNothing() {
        assertThat(stores.deletionRequests().listPending(TENANT, 10)).isEmpty();
    }

    private String signed(String payloadJson) {
        return sign(payloadJson, SECRET);
    }

    private static void assertRefused(WebhookResponse response, int status, String reason) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.bodyText()).isEqualTo(reason).doesNotContain(SECRET).doesNotContain(USER);
    }

    @Test
    void rejectsAnotherMethodThanPost() {
        WebhookRequest get = WebhookRequest.builder().method("GET").build();

        assertRefused(callback.handle(get), 405, "the data deletion callback takes POST");
    }

    @Test
    void rejectsABodyWithoutSignedRequest() {
        assertRefused(callback.handle(form("other=1")), 400, "missing signed_request form field");
    }

    @Test
    void rejectsAnEmptySignedRequest() {
        assertRefused(callback.handle(form("signed_request=")), 400, "missing signed_request form field");
    }

    @Test
    void rejectsABodyWithBadPercentEncoding() {
        assertRefused(callback.handle(form("signed_request=%zz")), 400, "malformed form body: bad percent-encoding");
    }

    @Test
    void rejectsASignedRequestWithoutADot() {
        assertRefused(callback.handle(post("abcdef")), 400,
                "malformed signed_request: expected <signature>.<payload>");
    }

    @Test
    void rejectsASignedRequestWithAnEmptySegment() {
        assertRefused(callback.handle(post(".abc")), 400, "malformed signed_request: expected <signature>.<payload>");
    }

    @Test
    void rejectsASignedRequestWithThreeSegments() {
        assertRefused(callback.handle(post(signed(payload(USER, "HMAC-SHA256", clock.instant())) + ".x")), 400,
                "malformed signed_request: expected <signature>.<payload>");
    }

    @Test
    void rejectsASignatureThatIsNotBase64Url() {
        String payloadSegment = signed(payload(USER, "HMAC-SHA256", clock.instant())).split("\\.")[1];

        assertRefused(callback.handle(post("not*base64." + payloadSegment)), 400,
                "malformed signed_request: the signature is not base64url");
    }

    @Test
    void rejectsAPayloadThatIsNotBase64Url() {
        String signatureSegment = signed(payload(USER, "HMAC-SHA256", clock.instant())).split("\\.")[0];

        assertRefused(callback.handle(post(signatureSegment + ".pay*load")), 400,
                "malformed signed_request: the payload is not base64url");
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecret() {
        String forged = sign(payload(USER, "HMAC-SHA256", clock.instant()), "wrong-secret");

        assertRefused(callback.handle(post(forged)), 401,
                "signed_request signature does not match for any configured app secret");
    }

    @Test
    void rejectsAPayloadChangedAfterSigning() {
        String signatureSegment = signed(payload(USER, "HMAC-SHA256", clock.instant())).split("\\.")[0];
        String otherPayload = signed(payload("999", "HMAC-SHA256", clock.instant())).split("\\.")[1];

        assertRefused(callback.handle(post(signatureSegment + "." + otherPayload)), 401,
                "signed_request signature does not match for any configured app secret");
    }

    @Test
    void rejectsASignatureOfZeroBytes() {
        assertRefused(callback.handle(post(withSignature(new byte[32], payload(USER, "HMAC-SHA256",
                clock.instant())))), 401, "signed_request signature does not match for any configured app secret");
    }

    @Test
    void rejectsAPayloadThatIsNotJson() {
        assertRefused(callback.handle(post(signed("{not json"))), 400,
                "malformed signed_request: the payload is not valid JSON");
    }

    @Test
    void rejectsAPayloadThatIsNotAJsonObject() {
        assertRefused(callback.handle(post(signed("[1,2]"))), 400,
                "malformed signed_request: the payload is not a JSON object");
    }

    @Test
    void rejectsAnotherAlgorithm() {
        assertRefused(callback.handle(post(signed(payload(USER, "HMAC-SHA1", clock.instant())))), 400,
                "signed_request algorithm must be HMAC-SHA256");
    }

    @Test
    void rejectsAPayloadWithoutAlgorithm() {
        String json = "{\"issued_at\":" + clock.instant().getEpochSecond() + ",\"user_id\":\"" + USER + "\"}";

        assertRefused(callback.handle(post(signed(json))), 400, "signed_request algorithm must be HMAC-SHA256");
    }

    @Test
    void rejectsAPayloadWithoutIssuedAt() {
        String json = "{\"algorithm\":\"HMAC-SHA256\",\"user_id\":\"" + USER + "\"}";

        assertRefused(callback.handle(post(signed(json))), 400, "signed_request payload has no numeric issued_at");
    }

    @Test
    void rejectsARequestOlderThanTheMaximumAge() {
        String old = signed(payload(USER, "HMAC-SHA256", clock.instant().minus(Duration.ofDays(1)).minusSeconds(1)));

        assertRefused(callback.handle(post(old)), 401, "signed_request is too old: issued more than PT24H ago");
    }

    @Test
    void rejectsARequestOlderThanAConfiguredMaximumAge() {
        DataDeletionCallback strict = DataDeletionCallback.builder().appSecret(Secret.of(SECRET))
                .deletionRequests(stores.deletionRequests()).tenant(TENANT)
                .statusUrl("https://example.com/deletion?code={code}").clock(clock)
                .maxAge(Duration.ofMinutes(10)).build();
        String old = signed(payload(USER, "HMAC-SHA256", clock.instant().minus(Duration.ofMinutes(11))));

        assertRefused(strict.handle(post(old)), 401, "signed_request is too old: issued more than PT10M ago");
    }

    @Test
    void rejectsARequestIssuedInTheFuture() {
        String future = signed(payload(USER, "HMAC-SHA256", clock.instant().plus(Duration.ofMinutes(6))));

        assertRefused(callback.handle(post(future)), 401, "signed_request issued_at is in the future");
    }

    @Test
    void rejectsAPayloadWithoutUserId() {
        String json = "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":" + clock.instant().getEpochSecond() + "}";

        assertRefused(callback.handle(post(signed(json))), 400,
                "signed_request payload has no user_id of 1-200 characters");
    }

    @Test
    void rejectsACallWhoseTenantIsUnknown() {
        DataDeletionCallback perTenant = DataDeletionCallback.builder().appSecret(Secret.of(SECRET))
                .deletionRequests(stores.deletionRequests()).tenantResolver(request -> Optional.empty())
                .statusUrl("https://example.com/deletion?code={code}").clock(clock).build();

        assertRefused(perTenant.handle(post(signed(payload(USER, "HMAC-SHA256", clock.instant())))), 404,
                "no tenant for this data deletion callback");
    }
}
