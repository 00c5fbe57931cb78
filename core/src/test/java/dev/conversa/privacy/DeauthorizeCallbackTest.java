package dev.conversa.privacy;

import static dev.conversa.testsupport.TestSignedRequests.form;
import static dev.conversa.testsupport.TestSignedRequests.payload;
import static dev.conversa.testsupport.TestSignedRequests.post;
import static dev.conversa.testsupport.TestSignedRequests.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.lang.Secret;
import dev.conversa.model.TenantId;
import dev.conversa.testsupport.MutableClock;
import dev.conversa.webhook.WebhookRequest;
import dev.conversa.webhook.WebhookResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Meta's deauthorize callback: verified like the data deletion callback, then the user's accounts disconnected. */
class DeauthorizeCallbackTest {

    private static final String SECRET = "app-secret-1";
    private static final TenantId TENANT = TenantId.of("acme");
    private static final String USER = "1234567890";

    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private final List<String> disconnected = new CopyOnWriteArrayList<>();
    private final DeauthorizeCallback callback = builder().build();

    private DeauthorizeCallback.Builder builder() {
        return DeauthorizeCallback.builder()
                .appSecret(Secret.of(SECRET))
                .tenant(TENANT)
                .disconnector((tenant, appUserId) -> {
                    disconnected.add(tenant.value() + "/" + appUserId);
                    return 2;
                })
                .clock(clock);
    }

    private String signedNow() {
        return sign(payload(USER, "HMAC-SHA256", clock.instant()), SECRET);
    }

    private void assertRefused(WebhookResponse response, int status, String reason) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.bodyText()).isEqualTo(reason).doesNotContain(SECRET).doesNotContain(USER);
        assertThat(disconnected).isEmpty();
    }

    @Test
    void disconnectsTheAccountsOfTheUserTheSignedRequestNames() {
        WebhookResponse response = callback.handle(post(signedNow()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("disconnected 2");
        assertThat(disconnected).containsExactly("acme/" + USER);
    }

    @Test
    void rejectsAForgedSignature() {
        String forged = sign(payload(USER, "HMAC-SHA256", clock.instant()), "not-the-app-secret");

        assertRefused(callback.handle(post(forged)), 401,
                "signed_request signature does not match for any configured app secret");
    }

    @Test
    void rejectsAPayloadChangedAfterSigning() {
        String signed = signedNow();
        String otherPayload = sign(payload("999", "HMAC-SHA256", clock.instant()), SECRET);
        String tampered = signed.substring(0, signed.indexOf('.')) + otherPayload.substring(otherPayload.indexOf('.'));

        assertRefused(callback.handle(post(tampered)), 401,
                "signed_request signature does not match for any configured app secret");
    }

    @Test
    void rejectsAnExpiredRequest() {
        String old = sign(payload(USER, "HMAC-SHA256", clock.instant().minus(Duration.ofDays(1)).minusSeconds(1)),
                SECRET);

        assertRefused(callback.handle(post(old)), 401, "signed_request is too old: issued more than PT24H ago");
    }

    @Test
    void aReplayWithinTheMaximumAgeIsAnsweredAndAReplayAfterItRefused() {
        String signed = signedNow();
        callback.handle(post(signed));

        WebhookResponse replay = callback.handle(post(signed));
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        WebhookResponse late = callback.handle(post(signed));

        assertThat(replay.status()).isEqualTo(200);
        assertThat(late.status()).isEqualTo(401);
        assertThat(disconnected).containsExactly("acme/" + USER, "acme/" + USER);
    }

    @Test
    void rejectsAnotherMethodThanPost() {
        assertRefused(callback.handle(WebhookRequest.builder().method("GET").build()), 405,
                "the deauthorize callback takes POST");
    }

    @Test
    void rejectsABodyWithoutSignedRequest() {
        assertRefused(callback.handle(form("user=1")), 400, "missing signed_request form field");
    }

    @Test
    void rejectsACallWhoseTenantIsUnknown() {
        DeauthorizeCallback unknown = DeauthorizeCallback.builder().appSecret(Secret.of(SECRET))
                .tenantResolver(request -> Optional.empty()).disconnector((tenant, user) -> 0).clock(clock).build();

        assertRefused(unknown.handle(post(signedNow())), 404, "no tenant for this deauthorize callback");
    }

    @Test
    void toBuilderKeepsTheSettings() {
        WebhookResponse response = callback.toBuilder().build().handle(post(signedNow()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(disconnected).containsExactly("acme/" + USER);
    }

    @Test
    void buildNamesTheMissingSetting() {
        assertThatThrownBy(() -> DeauthorizeCallback.builder().tenant(TENANT).disconnector((t, u) -> 0).build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("appSecret is required");
        assertThatThrownBy(() -> DeauthorizeCallback.builder().appSecret(Secret.of(SECRET))
                .disconnector((t, u) -> 0).build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("tenant or tenantResolver is required");
        assertThatThrownBy(() -> DeauthorizeCallback.builder().appSecret(Secret.of(SECRET)).tenant(TENANT).build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("disconnector is required");
        assertThatThrownBy(() -> builder().maxAge(Duration.ZERO).build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("maxAge must be positive");
    }
}
