package dev.conversa.privacy;

import dev.conversa.lang.Secret;
import dev.conversa.model.TenantId;
import dev.conversa.webhook.WebhookRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What Meta's data deletion and deauthorize callbacks share: a POST whose form field
 * {@code signed_request} is verified by one {@link SignedRequestVerifier} (one HMAC helper for
 * both) before anything else is read, and the tenant of the call. Immutable and thread-safe.
 */
final class SignedCallback {

    private final String name;
    private final SignedRequestVerifier verifier;
    private final Function<WebhookRequest, Optional<TenantId>> tenants;
    private final Clock clock;

    SignedCallback(String name, List<Secret> appSecrets, Duration maxAge,
            Function<WebhookRequest, Optional<TenantId>> tenants, Clock clock) {
        this.name = name;
        this.verifier = new SignedRequestVerifier(appSecrets, maxAge);
        this.tenants = tenants;
        this.clock = clock;
    }

    /**
     * Verifies one call.
     *
     * @throws Rejection with the status and reason when the call is refused
     */
    Call verify(WebhookRequest request) {
        if (!request.method().equals("POST")) {
            throw new Rejection(405, "the " + name + " callback takes POST");
        }
        Instant now = clock.instant();
        String userId = verifier.verify(FormBody.field(request.body(), "signed_request"), now);
        TenantId tenant = tenants.apply(request)
                .orElseThrow(() -> Rejection.notFound("no tenant for this " + name + " callback"));
        return new Call(tenant, userId, now);
    }

    /** A verified call: the tenant, the app user the signed request names, and when it came. */
    record Call(TenantId tenant, String appUserId, Instant at) {}
}
