package dev.conversa.privacy;

import dev.conversa.lang.ConversaException;
import dev.conversa.lang.Secret;
import dev.conversa.model.TenantId;
import dev.conversa.store.DeletionRequest;
import dev.conversa.store.DeletionRequestStore;
import dev.conversa.store.DeletionStatus;
import dev.conversa.webhook.WebhookRequest;
import dev.conversa.webhook.WebhookResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Meta's data deletion callback: the URL set as "Data Deletion Request URL" in the App
 * Dashboard. Meta POSTs {@code application/x-www-form-urlencoded} with one field, {@code
 * signed_request}; this class verifies it (HMAC-SHA256 with the app secret, in constant time;
 * algorithm {@code HMAC-SHA256}; not older than {@link Builder#maxAge}), records a {@link
 * DeletionRequest} in status {@link DeletionStatus#RECEIVED} for the {@code user_id} it names
 * and answers 200 with {@code {"url": "<status page>", "confirmation_code": "<code>"}}. Every
 * callback gets a new code, even a repeated one for the same user.
 *
 * <p>This class only records the request; {@code Conversa.dataDeletions()} carries it out (on
 * the schedule {@code Conversa.start()} runs, or when the host calls {@code run(now)}): the
 * {@code user_id} is an app user, the business person who connected accounts through Facebook
 * Login, so their accounts are disconnected and erased, and any contact with that id erased; the
 * request is then {@link DeletionStatus#DONE} with its counts. It stays {@code RECEIVED} until
 * then. The host's status page shows {@link #status(String)}. The verification is the one
 * {@link DeauthorizeCallback} uses.
 *
 * <p>Bad input never throws: it gets 400 (malformed request, wrong algorithm), 401 (signature
 * mismatch, too old) or 404 (no tenant), with a reason that never echoes a secret, the signed
 * request or the user id. Immutable and thread-safe.
 *
 * <pre>{@code
 * DataDeletionCallback deletion = DataDeletionCallback.builder()
 *         .appSecret(Secret.of(System.getenv("META_APP_SECRET")))
 *         .deletionRequests(stores.deletionRequests())
 *         .tenant(TenantId.of("acme"))
 *         .statusUrl("https://acme.example/privacy/deletion?code={code}")
 *         .build();
 * WebhookResponse response = deletion.handle(request);
 * }</pre>
 *
 * @see <a href="https://developers.facebook.com/docs/development/create-an-app/app-dashboard/data-deletion-callback">Data
 *     Deletion Request Callback</a>
 */
public final class DataDeletionCallback {

    private static final Logger LOG = LoggerFactory.getLogger(DataDeletionCallback.class);
    private static final int CODE_ATTEMPTS = 5;

    private final SignedCallback intake;
    private final DeletionRequestStore requests;
    private final Optional<TenantId> fixedTenant;
    private final String statusUrl;
    private final Supplier<String> codes;
    private final Builder settings;

    DataDeletionCallback(Builder builder) {
        this.settings = new Builder(builder);
        this.intake = new SignedCallback("data deletion", builder.appSecrets(), builder.maxAge(),
                builder.tenantResolver(), builder.clock());
        this.requests = builder.deletionRequests();
        this.fixedTenant = builder.fixedTenant();
        this.statusUrl = builder.statusUrl();
        this.codes = builder.codes();
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
     * Answers one call of Meta's data deletion callback.
     *
     * @param request the call as the host's server received it
     * @return 200 with the status URL and confirmation code, or the refusal with its reason
     * @throws ConversaException if the store fails (answer 500; Meta calls again)
     */
    public WebhookResponse handle(WebhookRequest request) {
        try {
            SignedCallback.Call call = intake.verify(request);
            DeletionRequest recorded = record(call.tenant(), call.appUserId(), call.at());
            LOG.info("Recorded a data deletion request for tenant {}", call.tenant());
            LOG.debug("Data deletion request confirmation code {}", recorded.confirmationCode());
            return answer(recorded);
        } catch (Rejection rejection) {
            LOG.warn("Refused a data deletion callback: {}", rejection.getMessage());
            return WebhookResponse.text(rejection.status(), rejection.getMessage());
        }
    }

    /**
     * Looks a request up for the status page, with the tenant set by {@link Builder#tenant}.
     *
     * @param confirmationCode the code from the status URL
     * @return the request, empty if unknown
     * @throws IllegalStateException if the callback resolves tenants per request: use {@link
     *     #status(TenantId, String)}
     */
    public Optional<DeletionRequest> status(String confirmationCode) {
        return status(fixedTenant.orElseThrow(() -> new IllegalStateException(
                "this callback resolves tenants per request: call status(tenant, code)")), confirmationCode);
    }

    /**
     * Looks a request of a tenant up for the status page.
     *
     * @param tenant the business
     * @param confirmationCode the code from the status URL
     * @return the request, empty if the tenant has none with that code
     */
    public Optional<DeletionRequest> status(TenantId tenant, String confirmationCode) {
        return requests.find(tenant, confirmationCode);
    }

    private DeletionRequest record(TenantId tenant, String userId, Instant now) {
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            DeletionRequest request = new DeletionRequest(tenant, userId, codes.get(), DeletionStatus.RECEIVED,
                    now, now);
            if (requests.record(request)) {
                return request;
            }
        }
        throw new ConversaException("no free confirmation code after " + CODE_ATTEMPTS + " attempts");
    }

    private WebhookResponse answer(DeletionRequest recorded) {
        String url = statusUrl.replace("{code}", recorded.confirmationCode())
                .replace("{tenant}", URLEncoder.encode(recorded.tenant().value(), StandardCharsets.UTF_8));
        String json = JsonNodeFactory.instance.objectNode()
                .put("url", url)
                .put("confirmation_code", recorded.confirmationCode())
                .toString();
        return WebhookResponse.of(200, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Configures a {@link DataDeletionCallback}. Required: at least one app secret, the deletion
     * request store, the tenant (fixed, or resolved per request) and the status URL. Not
     * thread-safe; build once.
     */
    public static final class Builder {

        private final List<Secret> appSecrets = new ArrayList<>();
        private DeletionRequestStore deletionRequests;
        private TenantId tenant;
        private Function<WebhookRequest, Optional<TenantId>> tenantResolver;
        private String statusUrl;
        private Duration maxAge = Duration.ofDays(1);
        private Clock clock = Clock.systemUTC();
        private Supplier<String> codes = new ConfirmationCodes();

        Builder() {}

        private Builder(Builder other) {
            appSecrets.addAll(other.appSecrets);
            deletionRequests = other.deletionRequests;
            tenant = other.tenant;
            tenantResolver = other.tenantResolver;
            statusUrl = other.statusUrl;
            maxAge = other.maxAge;
            clock = other.clock;
            codes = other.codes;
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
         * Sets where the requests are recorded (required), usually {@code stores.deletionRequests()}.
         *
         * @param deletionRequests the store
         * @return this builder
         */
        public Builder deletionRequests(DeletionRequestStore deletionRequests) {
            this.deletionRequests = Objects.requireNonNull(deletionRequests, "deletionRequests");
            return this;
        }

        /**
         * Records every request for one tenant; use this or {@link #tenantResolver}.
         *
         * @param tenant the business the app belongs to
         * @return this builder
         */
        public Builder tenant(TenantId tenant) {
            this.tenant = Objects.requireNonNull(tenant, "tenant");
            return this;
        }

        /**
         * Finds the tenant of each call, for instance from a path segment the host put in the
         * query; use this or {@link #tenant}. A call whose tenant is not found gets 404.
         *
         * @param tenantResolver the tenant of a call, empty when unknown
         * @return this builder
         */
        public Builder tenantResolver(Function<WebhookRequest, Optional<TenantId>> tenantResolver) {
            this.tenantResolver = Objects.requireNonNull(tenantResolver, "tenantResolver");
            return this;
        }

        /**
         * Sets the status page URL given to Meta (required): an absolute {@code https://} URL in
         * which {@code {code}} stands for the confirmation code and {@code {tenant}}, if present,
         * for the URL-encoded tenant id.
         *
         * @param statusUrl such as {@code "https://example.com/deletion?code={code}"}
         * @return this builder
         */
        public Builder statusUrl(String statusUrl) {
            this.statusUrl = Objects.requireNonNull(statusUrl, "statusUrl");
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
         * Sets the clock for the request times and the age check (default: system UTC).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Replaces the random codes, for tests of code collisions. */
        Builder codes(Supplier<String> codes) {
            this.codes = Objects.requireNonNull(codes, "codes");
            return this;
        }

        /**
         * Builds the callback.
         *
         * @return the immutable callback
         * @throws IllegalStateException if a required setting is missing, both or neither of
         *     {@code tenant} and {@code tenantResolver} are set, the status URL is not an
         *     {@code https://} URL containing {@code {code}}, or {@code maxAge} is not positive
         */
        public DataDeletionCallback build() {
            if (appSecrets.isEmpty()) {
                throw new IllegalStateException("appSecret is required: call DataDeletionCallback.builder().appSecret(...)");
            }
            if (deletionRequests == null) {
                throw new IllegalStateException(
                        "deletionRequests is required: call DataDeletionCallback.builder()"
                        + ".deletionRequests(stores.deletionRequests())");
            }
            if ((tenant == null) == (tenantResolver == null)) {
                throw new IllegalStateException("tenant or tenantResolver is required, not both: call "
                        + "DataDeletionCallback.builder().tenant(...) or .tenantResolver(...)");
            }
            if (statusUrl == null || !statusUrl.startsWith("https://") || !statusUrl.contains("{code}")) {
                throw new IllegalStateException("statusUrl is required: call DataDeletionCallback.builder().statusUrl(...)"
                        + " with an https:// URL containing {code}, such as https://example.com/deletion?code={code}");
            }
            if (maxAge.isNegative() || maxAge.isZero()) {
                throw new IllegalStateException("maxAge must be positive, got " + maxAge);
            }
            return new DataDeletionCallback(this);
        }

        List<Secret> appSecrets() {
            return List.copyOf(appSecrets);
        }

        DeletionRequestStore deletionRequests() {
            return deletionRequests;
        }

        Optional<TenantId> fixedTenant() {
            return Optional.ofNullable(tenant);
        }

        Function<WebhookRequest, Optional<TenantId>> tenantResolver() {
            TenantId fixed = tenant;
            return tenantResolver != null ? tenantResolver : request -> Optional.of(fixed);
        }

        String statusUrl() {
            return statusUrl;
        }

        Duration maxAge() {
            return maxAge;
        }

        Clock clock() {
            return clock;
        }

        Supplier<String> codes() {
            return codes;
        }
    }
}
