package dev.conversa.privacy;

import dev.conversa.Secret;
import dev.conversa.model.TenantId;
import dev.conversa.store.DeletionRequestStore;
import dev.conversa.webhook.WebhookRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Configures a {@link DataDeletionCallback}. Required: at least one app secret, the deletion
 * request store, the tenant (fixed, or resolved per request) and the status URL. Not
 * thread-safe; build once.
 */
public final class DataDeletionCallbackBuilder {

    private final List<Secret> appSecrets = new ArrayList<>();
    private DeletionRequestStore deletionRequests;
    private TenantId tenant;
    private Function<WebhookRequest, Optional<TenantId>> tenantResolver;
    private String statusUrl;
    private Duration maxAge = Duration.ofDays(1);
    private Clock clock = Clock.systemUTC();
    private Supplier<String> codes = new ConfirmationCodes();

    DataDeletionCallbackBuilder() {}

    /**
     * Adds an app secret that may have signed the request; add the old and the new one while
     * rotating.
     *
     * @param appSecret the app secret from the App Dashboard
     * @return this builder
     */
    public DataDeletionCallbackBuilder appSecret(Secret appSecret) {
        appSecrets.add(Objects.requireNonNull(appSecret, "appSecret"));
        return this;
    }

    /**
     * Sets where the requests are recorded (required), usually {@code stores.deletionRequests()}.
     *
     * @param deletionRequests the store
     * @return this builder
     */
    public DataDeletionCallbackBuilder deletionRequests(DeletionRequestStore deletionRequests) {
        this.deletionRequests = Objects.requireNonNull(deletionRequests, "deletionRequests");
        return this;
    }

    /**
     * Records every request for one tenant; use this or {@link #tenantResolver}.
     *
     * @param tenant the business the app belongs to
     * @return this builder
     */
    public DataDeletionCallbackBuilder tenant(TenantId tenant) {
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
    public DataDeletionCallbackBuilder tenantResolver(Function<WebhookRequest, Optional<TenantId>> tenantResolver) {
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
    public DataDeletionCallbackBuilder statusUrl(String statusUrl) {
        this.statusUrl = Objects.requireNonNull(statusUrl, "statusUrl");
        return this;
    }

    /**
     * Sets how old a signed request may be, by its {@code issued_at} (default one day).
     *
     * @param maxAge a positive duration
     * @return this builder
     * @throws IllegalArgumentException if it is zero or negative
     */
    public DataDeletionCallbackBuilder maxAge(Duration maxAge) {
        if (Objects.requireNonNull(maxAge, "maxAge").isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive: " + maxAge);
        }
        this.maxAge = maxAge;
        return this;
    }

    /**
     * Sets the clock for the request times and the age check (default: system UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public DataDeletionCallbackBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Replaces the random codes, for tests of code collisions. */
    DataDeletionCallbackBuilder codes(Supplier<String> codes) {
        this.codes = Objects.requireNonNull(codes, "codes");
        return this;
    }

    /**
     * Builds the callback.
     *
     * @return the immutable callback
     * @throws IllegalStateException if a required setting is missing, both or neither of
     *     {@code tenant} and {@code tenantResolver} are set, or the status URL is not an
     *     {@code https://} URL containing {@code {code}}
     */
    public DataDeletionCallback build() {
        if (appSecrets.isEmpty()) {
            throw new IllegalStateException("DataDeletionCallback needs the app secret: call appSecret(...)");
        }
        if (deletionRequests == null) {
            throw new IllegalStateException(
                    "DataDeletionCallback needs a store: call deletionRequests(stores.deletionRequests())");
        }
        if ((tenant == null) == (tenantResolver == null)) {
            throw new IllegalStateException("DataDeletionCallback needs exactly one of tenant(...) and "
                    + "tenantResolver(...)");
        }
        if (statusUrl == null || !statusUrl.startsWith("https://") || !statusUrl.contains("{code}")) {
            throw new IllegalStateException("DataDeletionCallback needs statusUrl(...): an https:// URL containing "
                    + "{code}, such as https://example.com/deletion?code={code}");
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
