package dev.conversa.privacy;

import dev.conversa.lang.ConversaException;
import dev.conversa.lang.Secret;
import dev.conversa.model.TenantId;
import dev.conversa.webhook.WebhookRequest;
import dev.conversa.webhook.WebhookResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meta's deauthorize callback: the URL set as "Deauthorize callback URL" in the App Dashboard
 * (Facebook Login settings), called when an app user removes the app. Meta POSTs
 * {@code application/x-www-form-urlencoded} with one field, {@code signed_request}, verified
 * exactly as {@link DataDeletionCallback} does (the same code: HMAC-SHA256 with the app secret
 * over the raw segment, in constant time, before the payload is parsed; algorithm
 * {@code HMAC-SHA256}; not older than {@link Builder#maxAge}). The accounts that user connected
 * are then disconnected at once through the {@link AppUserDisconnector} (their data is kept: a
 * data deletion request erases it) and the answer is 200.
 *
 * <p>A call repeated within the maximum age (Meta retries, or a replay) is harmless: the user's
 * accounts are already disconnected, so nothing more happens. Bad input never throws: it gets
 * 400, 401, 404 or 405 with a reason that never echoes a secret, the signed request or the user
 * id. Immutable and thread-safe.
 *
 * <pre>{@code
 * DeauthorizeCallback deauthorize = DeauthorizeCallback.builder()
 *         .appSecret(Secret.of(System.getenv("META_APP_SECRET")))
 *         .tenant(TenantId.of("acme"))
 *         .disconnector(conversa::disconnectAppUser)
 *         .build();
 * WebhookResponse response = deauthorize.handle(request);
 * }</pre>
 *
 * @see <a href="https://developers.facebook.com/docs/facebook-login/guides/advanced/oidc-token/#deauth-callback">Deauthorize
 *     callback</a>
 */
public final class DeauthorizeCallback {

    private static final Logger LOG = LoggerFactory.getLogger(DeauthorizeCallback.class);

    private final SignedCallback intake;
    private final AppUserDisconnector disconnector;
    private final Builder settings;

    private DeauthorizeCallback(Builder builder) {
        this.settings = new Builder(builder);
        this.intake = new SignedCallback("deauthorize", List.copyOf(builder.appSecrets), builder.maxAge,
                builder.tenantResolver(), builder.clock);
        this.disconnector = builder.disconnector;
    }

    /**
     * Starts the configuration.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this callback's settings, to build one that differs in some of them;
     * this callback is left as it is.
     *
     * @return a new builder with this callback's settings
     */
    public Builder toBuilder() {
        return new Builder(settings);
    }

    /**
     * Answers one call of Meta's deauthorize callback, disconnecting the user's accounts.
     *
     * @param request the call as the host's server received it
     * @return 200 once the accounts are disconnected, or the refusal with its reason
     * @throws ConversaException if the disconnection fails (answer 500; Meta calls again)
     */
    public WebhookResponse handle(WebhookRequest request) {
        try {
            SignedCallback.Call call = intake.verify(request);
            int disconnected = disconnector.disconnect(call.tenant(), call.appUserId());
            LOG.info("Deauthorized: disconnected {} account(s) of an app user in tenant {}", disconnected,
                    call.tenant());
            return WebhookResponse.text(200, "disconnected " + disconnected);
        } catch (Rejection rejection) {
            LOG.warn("Refused a deauthorize callback: {}", rejection.getMessage());
            return WebhookResponse.text(rejection.status(), rejection.getMessage());
        }
    }

    /**
     * Configures a {@link DeauthorizeCallback}. Required: at least one app secret, the tenant
     * (fixed, or resolved per request) and the disconnector. Not thread-safe; build once.
     */
    public static final class Builder {

        private final List<Secret> appSecrets = new ArrayList<>();
        private TenantId tenant;
        private Function<WebhookRequest, Optional<TenantId>> tenantResolver;
        private AppUserDisconnector disconnector;
        private Duration maxAge = Duration.ofDays(1);
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        private Builder(Builder other) {
            appSecrets.addAll(other.appSecrets);
            tenant = other.tenant;
            tenantResolver = other.tenantResolver;
            disconnector = other.disconnector;
            maxAge = other.maxAge;
            clock = other.clock;
        }

        /**
         * Adds an app secret that may have signed the request; add the old and the new one while
         * rotating.
         *
         * @param appSecret the app secret from the App Dashboard
         * @return this builder
         */
        public Builder appSecret(Secret appSecret) {
            appSecrets.add(Objects.requireNonNull(appSecret, "appSecret"));
            return this;
        }

        /**
         * Treats every call as one tenant's; use this or {@link #tenantResolver}.
         *
         * @param tenant the business the app belongs to
         * @return this builder
         */
        public Builder tenant(TenantId tenant) {
            this.tenant = Objects.requireNonNull(tenant, "tenant");
            return this;
        }

        /**
         * Finds the tenant of each call; use this or {@link #tenant}. A call whose tenant is not
         * found gets 404.
         *
         * @param tenantResolver the tenant of a call, empty when unknown
         * @return this builder
         */
        public Builder tenantResolver(Function<WebhookRequest, Optional<TenantId>> tenantResolver) {
            this.tenantResolver = Objects.requireNonNull(tenantResolver, "tenantResolver");
            return this;
        }

        /**
         * Sets what disconnects the user's accounts (required), usually {@code conversa::disconnectAppUser}.
         *
         * @param disconnector the disconnector
         * @return this builder
         */
        public Builder disconnector(AppUserDisconnector disconnector) {
            this.disconnector = Objects.requireNonNull(disconnector, "disconnector");
            return this;
        }

        /**
         * Sets how old a signed request may be, by its {@code issued_at} (default one day).
         *
         * @param maxAge a positive duration
         * @return this builder
         */
        public Builder maxAge(Duration maxAge) {
            this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
            return this;
        }

        /**
         * Sets the clock for the age check (default: system UTC).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the callback.
         *
         * @return the immutable callback
         * @throws IllegalStateException if a required setting is missing, both or neither of
         *     {@code tenant} and {@code tenantResolver} are set, or {@code maxAge} is not positive
         */
        public DeauthorizeCallback build() {
            if (appSecrets.isEmpty()) {
                throw new IllegalStateException("appSecret is required: call DeauthorizeCallback.builder().appSecret(...)");
            }
            if ((tenant == null) == (tenantResolver == null)) {
                throw new IllegalStateException("tenant or tenantResolver is required, not both: call "
                        + "DeauthorizeCallback.builder().tenant(...) or .tenantResolver(...)");
            }
            if (disconnector == null) {
                throw new IllegalStateException("disconnector is required: call "
                        + "DeauthorizeCallback.builder().disconnector(conversa::disconnectAppUser)");
            }
            if (maxAge.isNegative() || maxAge.isZero()) {
                throw new IllegalStateException("maxAge must be positive, got " + maxAge);
            }
            return new DeauthorizeCallback(this);
        }

        private Function<WebhookRequest, Optional<TenantId>> tenantResolver() {
            TenantId fixed = tenant;
            return tenantResolver != null ? tenantResolver : request -> Optional.of(fixed);
        }
    }
}
