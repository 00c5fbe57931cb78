package dev.conversa.respond;

import java.time.Duration;
import java.util.Objects;

/**
 * How many responder turns one sender and one tenant may spend per window, so that one sender
 * flooding signed messages cannot run up the cost of an AI service. A turn is one call of the
 * {@link Responder} for a due reply. When a sender's or the tenant's turns of the current window
 * are spent, the sender gets {@link #notice()} once in that window and then silence until the
 * next window starts; other senders and other tenants are answered as usual.
 *
 * <p>Windows are fixed: they start at multiples of {@link #window()} since the epoch of the
 * runtime's clock. The counts are kept in the stores ({@code ConversationStore.takeTurn} and
 * {@code grantTenantTurns}), so the budget holds for all the instances sharing one database, not
 * per instance. A sender's count lives on their conversation and is erased with it. A tenant's
 * turns are handed to each instance in small allotments (a hundredth of {@link #perTenant()},
 * 1 to 50 turns, the next asked for once more than half of the last is spent): the budget is
 * never exceeded, and with several instances a tenant may be stopped up to one and a half
 * allotments per instance short of it (see {@code docs/reliability.md}).
 *
 * <pre>{@code
 * Conversa.builder()
 *     .turnBudget(TurnBudget.builder().perSender(10).window(Duration.ofMinutes(5)).build())
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class TurnBudget {

    /** Turns one sender may spend per window by default: 20. */
    public static final int DEFAULT_PER_SENDER = 20;
    /** Turns one tenant may spend per window by default: 5,000. */
    public static final int DEFAULT_PER_TENANT = 5_000;
    /** The default window: ten minutes. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);
    /** The default notice sent once per window to a sender whose turns are spent. */
    public static final String DEFAULT_NOTICE =
            "We are receiving a lot of messages from you. We will answer again in a little while.";

    private final int perSender;
    private final int perTenant;
    private final Duration window;
    private final String notice;

    private TurnBudget(Builder builder) {
        this.perSender = builder.perSender;
        this.perTenant = builder.perTenant;
        this.window = builder.window;
        this.notice = builder.notice;
    }

    /**
     * The defaults: 20 turns per sender and 5,000 per tenant every ten minutes, with
     * {@link #DEFAULT_NOTICE}. Equals {@code TurnBudget.builder().build()}.
     *
     * @return the default budget
     */
    public static TurnBudget create() {
        return builder().build();
    }

    /**
     * Starts a builder holding the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this budget's settings.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder().perSender(perSender).perTenant(perTenant).window(window).notice(notice);
    }

    /**
     * Turns one sender (one contact on one channel account of a tenant) may spend per window.
     *
     * @return at least 1
     */
    public int perSender() {
        return perSender;
    }

    /**
     * Turns one tenant may spend per window, all its senders together.
     *
     * @return at least 1
     */
    public int perTenant() {
        return perTenant;
    }

    /**
     * The length of a window.
     *
     * @return positive
     */
    public Duration window() {
        return window;
    }

    /**
     * The message sent once per window to a sender whose turns, or whose tenant's, are spent.
     *
     * @return not blank
     */
    public String notice() {
        return notice;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TurnBudget that && perSender == that.perSender && perTenant == that.perTenant
                && window.equals(that.window) && notice.equals(that.notice);
    }

    @Override
    public int hashCode() {
        return Objects.hash(perSender, perTenant, window, notice);
    }

    @Override
    public String toString() {
        return "TurnBudget[perSender=" + perSender + ", perTenant=" + perTenant + ", window=" + window + "]";
    }

    /** Configures a {@link TurnBudget}. Not thread-safe. */
    public static final class Builder {

        private int perSender = DEFAULT_PER_SENDER;
        private int perTenant = DEFAULT_PER_TENANT;
        private Duration window = DEFAULT_WINDOW;
        private String notice = DEFAULT_NOTICE;

        private Builder() {
        }

        /**
         * Sets the turns one sender may spend per window (default 20).
         *
         * @param turns at least 1
         * @return this builder
         */
        public Builder perSender(int turns) {
            this.perSender = turns;
            return this;
        }

        /**
         * Sets the turns one tenant may spend per window (default 5,000).
         *
         * @param turns at least 1
         * @return this builder
         */
        public Builder perTenant(int turns) {
            this.perTenant = turns;
            return this;
        }

        /**
         * Sets the length of a window (default ten minutes).
         *
         * @param length at least one second
         * @return this builder
         */
        public Builder window(Duration length) {
            this.window = Objects.requireNonNull(length, "window");
            return this;
        }

        /**
         * Sets the message sent once per window to a sender whose turns are spent (default
         * {@link TurnBudget#DEFAULT_NOTICE}).
         *
         * @param text not blank
         * @return this builder
         */
        public Builder notice(String text) {
            this.notice = Objects.requireNonNull(text, "notice");
            return this;
        }

        /**
         * Builds the budget.
         *
         * @return the budget
         * @throws IllegalStateException naming the setting that is out of range
         */
        public TurnBudget build() {
            if (perSender < 1) {
                throw new IllegalStateException("perSender must be at least 1, was " + perSender);
            }
            if (perTenant < 1) {
                throw new IllegalStateException("perTenant must be at least 1, was " + perTenant);
            }
            if (window.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalStateException("window must be at least one second, was " + window);
            }
            if (notice.isBlank()) {
                throw new IllegalStateException("notice must not be blank");
            }
            return new TurnBudget(this);
        }
    }
}
