package dev.conversa.privacy;

import dev.conversa.model.TenantId;
import dev.conversa.webhook.WebhookHandler;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How long each {@link DataClass} is kept, by default and per tenant. The {@link RetentionJob}
 * removes what is older. Data at exactly its period's age is removed: with 90 days, a
 * conversation whose last interaction was 90 days ago goes, one a second younger stays.
 *
 * <p>Defaults, so that a host that sets nothing keeps data for a bounded time:
 * <table>
 *   <caption>default periods</caption>
 *   <tr><th>class</th><th>default</th><th>why</th></tr>
 *   <tr><td>{@link DataClass#CONVERSATIONS}</td><td>730 days</td><td>the longest period the
 *       businesses' policies name ("up to 24 months"); set yours, for example 90 days</td></tr>
 *   <tr><td>{@link DataClass#PROCESSED_INBOX}</td><td>7 days</td><td>the replay window: until
 *       then a redelivered webhook must be recognised; also the minimum</td></tr>
 *   <tr><td>{@link DataClass#FINISHED_OUTBOX}</td><td>30 days</td><td>long enough to look into a
 *       {@code DEAD} or {@code SEND_UNCERTAIN} send; the message history keeps what was sent</td></tr>
 *   <tr><td>{@link DataClass#AUDIT}</td><td>365 days</td><td>audit entries hold counts, not
 *       people; a year covers a yearly review</td></tr>
 *   <tr><td>{@link DataClass#DONE_DELETION_REQUESTS}</td><td>90 days</td><td>the person can look
 *       up the confirmation for three months after the erasure</td></tr>
 *   <tr><td>{@link DataClass#DEAD_LETTERS}</td><td>30 days</td><td>long enough to look into an
 *       unreadable webhook; its body may name a person. No tenant's own period applies: dead
 *       letters belong to no tenant</td></tr>
 * </table>
 *
 * <pre>{@code
 * RetentionPolicy policy = RetentionPolicy.builder()
 *     .keep(DataClass.CONVERSATIONS, Duration.ofDays(90))
 *     .keep(TenantId.of("clinic"), DataClass.CONVERSATIONS, Duration.ofDays(30))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RetentionPolicy {

    private static final Map<DataClass, Duration> DEFAULTS = Map.of(
            DataClass.CONVERSATIONS, Duration.ofDays(730),
            DataClass.PROCESSED_INBOX, WebhookHandler.Builder.DEFAULT_REPLAY_WINDOW,
            DataClass.FINISHED_OUTBOX, Duration.ofDays(30),
            DataClass.AUDIT, Duration.ofDays(365),
            DataClass.DONE_DELETION_REQUESTS, Duration.ofDays(90),
            DataClass.DEAD_LETTERS, Duration.ofDays(30));

    private final Map<DataClass, Optional<Duration>> defaults;
    private final Map<TenantId, Map<DataClass, Optional<Duration>>> perTenant;

    private RetentionPolicy(Builder builder) {
        this.defaults = Map.copyOf(builder.defaults);
        Map<TenantId, Map<DataClass, Optional<Duration>>> copy = new HashMap<>();
        builder.perTenant.forEach((tenant, periods) -> copy.put(tenant, Map.copyOf(periods)));
        this.perTenant = Map.copyOf(copy);
    }

    /**
     * The policy with every default period.
     *
     * @return the default policy
     */
    public static RetentionPolicy defaults() {
        return builder().build();
    }

    /**
     * Starts a policy from the default periods.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this policy's periods, to change some of them.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.defaults.putAll(defaults);
        perTenant.forEach((tenant, periods) -> builder.perTenant.put(tenant, new EnumMap<>(periods)));
        return builder;
    }

    /**
     * How long a tenant's data of a class is kept: the tenant's own period, else the default.
     *
     * @param tenant the business
     * @param dataClass the class
     * @return the period, empty when kept for ever
     */
    public Optional<Duration> period(TenantId tenant, DataClass dataClass) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(dataClass, "dataClass");
        Map<DataClass, Optional<Duration>> own = perTenant.getOrDefault(tenant, Map.of());
        return own.containsKey(dataClass) ? own.get(dataClass) : defaults.get(dataClass);
    }

    /**
     * How long data of a class is kept for tenants without a period of their own.
     *
     * @param dataClass the class
     * @return the period, empty when kept for ever
     */
    public Optional<Duration> defaultPeriod(DataClass dataClass) {
        return defaults.get(Objects.requireNonNull(dataClass, "dataClass"));
    }

    /**
     * The tenants with a period of their own for a class.
     *
     * @param dataClass the class
     * @return the tenants
     */
    public Set<TenantId> tenantsWithOwnPeriod(DataClass dataClass) {
        Objects.requireNonNull(dataClass, "dataClass");
        return perTenant.entrySet().stream().filter(e -> e.getValue().containsKey(dataClass))
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    /** Shows the default periods and how many tenants have their own. */
    @Override
    public String toString() {
        return "RetentionPolicy" + new EnumMap<>(defaults) + ", " + perTenant.size() + " tenant(s) with own periods";
    }

    /**
     * Configures a {@link RetentionPolicy}; starts from the default periods. Not thread-safe.
     */
    public static final class Builder {

        private final Map<DataClass, Optional<Duration>> defaults = new EnumMap<>(DataClass.class);
        private final Map<TenantId, Map<DataClass, Optional<Duration>>> perTenant = new HashMap<>();

        private Builder() {
            DEFAULTS.forEach((dataClass, period) -> defaults.put(dataClass, Optional.of(period)));
        }

        /**
         * Sets the default period of a class.
         *
         * @param dataClass the class
         * @param period positive; see {@link #build()} for the minimum of processed inbox entries
         * @return this builder
         */
        public Builder keep(DataClass dataClass, Duration period) {
            defaults.put(Objects.requireNonNull(dataClass, "dataClass"),
                    Optional.of(Objects.requireNonNull(period, "period")));
            return this;
        }

        /**
         * Keeps a class for ever by default (no purge), for tenants without a period of their own.
         *
         * @param dataClass the class
         * @return this builder
         */
        public Builder keepForever(DataClass dataClass) {
            defaults.put(Objects.requireNonNull(dataClass, "dataClass"), Optional.empty());
            return this;
        }

        /**
         * Sets one tenant's own period of a class, in place of the default.
         *
         * @param tenant the business
         * @param dataClass the class
         * @param period positive
         * @return this builder
         */
        public Builder keep(TenantId tenant, DataClass dataClass, Duration period) {
            perTenant.computeIfAbsent(Objects.requireNonNull(tenant, "tenant"), t -> new EnumMap<>(DataClass.class))
                    .put(Objects.requireNonNull(dataClass, "dataClass"),
                            Optional.of(Objects.requireNonNull(period, "period")));
            return this;
        }

        /**
         * Keeps one tenant's data of a class for ever, whatever the default.
         *
         * @param tenant the business
         * @param dataClass the class
         * @return this builder
         */
        public Builder keepForever(TenantId tenant, DataClass dataClass) {
            perTenant.computeIfAbsent(Objects.requireNonNull(tenant, "tenant"), t -> new EnumMap<>(DataClass.class))
                    .put(Objects.requireNonNull(dataClass, "dataClass"), Optional.empty());
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         * @throws IllegalStateException if a period is not positive, a tenant has a period of its
         *     own for {@link DataClass#DEAD_LETTERS} (they belong to no tenant), or processed inbox entries
         *     would be kept less than the replay window (7 days): a webhook Meta delivers again
         *     within it would then be processed, and answered, twice
         */
        public RetentionPolicy build() {
            check("", defaults);
            perTenant.forEach((tenant, periods) -> check(" of tenant " + tenant, periods));
            return new RetentionPolicy(this);
        }

        private static void check(String whose, Map<DataClass, Optional<Duration>> periods) {
            if (!whose.isEmpty() && periods.containsKey(DataClass.DEAD_LETTERS)) {
                throw new IllegalStateException("DEAD_LETTERS" + whose + " cannot have a period of its own: dead "
                        + "letters belong to no tenant; set the default with keep(DataClass.DEAD_LETTERS, period)");
            }
            periods.forEach((dataClass, period) -> period.ifPresent(p -> {
                if (p.isNegative() || p.isZero()) {
                    throw new IllegalStateException("retention period of " + dataClass + whose
                            + " must be positive, was " + p);
                }
                Duration replayWindow = WebhookHandler.Builder.DEFAULT_REPLAY_WINDOW;
                if (dataClass == DataClass.PROCESSED_INBOX && p.compareTo(replayWindow) < 0) {
                    throw new IllegalStateException("retention period of PROCESSED_INBOX" + whose + " must be at "
                            + "least the replay window of " + replayWindow.toDays() + " days, was " + p
                            + "; a webhook delivered again would be answered twice");
                }
            }));
        }
    }
}
