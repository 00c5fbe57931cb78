package dev.conversa.agent;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A queue's service levels: how long a conversation may wait for an agent, what happens when it
 * waited longer, and how long an agent who took it may take to answer. Checked by durable timers
 * in the inbox, so they fire on whichever instance is running, after restarts too.
 *
 * <ul>
 *   <li>{@link #waitLimit()}: a conversation waiting longer is escalated: with
 *       {@link WaitEscalation#RAISE_PRIORITY} it waits again at a higher {@link Assignment#priority()},
 *       ahead of the others; with {@link WaitEscalation#BACK_TO_BOT} it goes back to the bot and
 *       the customer is sent {@link #botMessage()}.
 *   <li>{@link #answerLimit()}: an agent who took the conversation and sent no reply within the
 *       limit loses it: it waits in its queue again.
 * </ul>
 *
 * <pre>{@code
 * SlaPolicy sla = SlaPolicy.builder().waitLimit(Duration.ofMinutes(5))
 *         .backToBot("Our team is busy; I can keep helping you meanwhile.")
 *         .answerLimit(Duration.ofMinutes(3)).build();
 * conversa.agents().saveQueue(AgentQueue.of(tenant, "support", "Support").withSla(sla));
 * }</pre>
 *
 * @param waitLimit how long a conversation may wait in the queue, empty for no limit
 * @param onWaitLimit what happens to a conversation that waited longer
 * @param botMessage what the customer is sent when the conversation goes back to the bot
 *     ({@link WaitEscalation#BACK_TO_BOT}); empty otherwise
 * @param answerLimit how long an agent who took a conversation may take to answer, empty for no
 *     limit
 */
public record SlaPolicy(Optional<Duration> waitLimit, WaitEscalation onWaitLimit, Optional<String> botMessage,
        Optional<Duration> answerLimit) {

    /** The longest message to the customer. */
    public static final int MAX_BOT_MESSAGE_LENGTH = 1000;

    private static final SlaPolicy NONE = new SlaPolicy(Optional.empty(), WaitEscalation.RAISE_PRIORITY,
            Optional.empty(), Optional.empty());

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if a limit is not positive, or the message is missing for
     *     {@link WaitEscalation#BACK_TO_BOT}, present otherwise, blank or too long
     */
    public SlaPolicy {
        Objects.requireNonNull(waitLimit, "waitLimit");
        Objects.requireNonNull(onWaitLimit, "onWaitLimit");
        Objects.requireNonNull(botMessage, "botMessage");
        Objects.requireNonNull(answerLimit, "answerLimit");
        waitLimit.ifPresent(limit -> positive(limit, "waitLimit"));
        answerLimit.ifPresent(limit -> positive(limit, "answerLimit"));
        if (onWaitLimit == WaitEscalation.BACK_TO_BOT && botMessage.isEmpty()) {
            throw new IllegalArgumentException("botMessage is required to send a conversation back to the bot");
        }
        if (onWaitLimit != WaitEscalation.BACK_TO_BOT && botMessage.isPresent()) {
            throw new IllegalArgumentException("botMessage is only sent when the conversation goes back to the bot");
        }
        botMessage.ifPresent(message -> {
            if (message.isBlank() || message.length() > MAX_BOT_MESSAGE_LENGTH) {
                throw new IllegalArgumentException("botMessage must be 1 to " + MAX_BOT_MESSAGE_LENGTH
                        + " characters, not blank");
            }
        });
    }

    /**
     * No limits.
     *
     * @return the policy without limits
     */
    public static SlaPolicy none() {
        return NONE;
    }

    /**
     * Starts a policy without limits.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Tells whether any limit is set.
     *
     * @return true if a wait or answer limit is set
     */
    public boolean hasLimits() {
        return waitLimit.isPresent() || answerLimit.isPresent();
    }

    private static void positive(Duration limit, String name) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** What happens to a conversation that waited past its queue's limit. */
    public enum WaitEscalation {
        /** It waits again, ahead of the others: its priority is raised by one. */
        RAISE_PRIORITY,
        /** It goes back to the bot, and the customer is told. */
        BACK_TO_BOT
    }

    /** Collects a policy's settings. Not thread-safe. */
    public static final class Builder {

        private Duration waitLimit;
        private WaitEscalation onWaitLimit = WaitEscalation.RAISE_PRIORITY;
        private String botMessage;
        private Duration answerLimit;

        private Builder() {}

        /**
         * Sets how long a conversation may wait; past it, it is escalated (by default its
         * priority is raised).
         *
         * @param value the limit, positive
         * @return this builder
         */
        public Builder waitLimit(Duration value) {
            this.waitLimit = Objects.requireNonNull(value, "waitLimit");
            return this;
        }

        /**
         * A conversation that waited past the limit waits again at a higher priority (the default).
         *
         * @return this builder
         */
        public Builder raisePriority() {
            this.onWaitLimit = WaitEscalation.RAISE_PRIORITY;
            this.botMessage = null;
            return this;
        }

        /**
         * A conversation that waited past the limit goes back to the bot, and the customer is
         * sent this message.
         *
         * @param message what the customer is told, at most 1000 characters
         * @return this builder
         */
        public Builder backToBot(String message) {
            this.onWaitLimit = WaitEscalation.BACK_TO_BOT;
            this.botMessage = Objects.requireNonNull(message, "message");
            return this;
        }

        /**
         * Sets how long an agent who took a conversation may take to answer before losing it to
         * the queue.
         *
         * @param value the limit, positive
         * @return this builder
         */
        public Builder answerLimit(Duration value) {
            this.answerLimit = Objects.requireNonNull(value, "answerLimit");
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         * @throws IllegalStateException naming the setting that is invalid
         */
        public SlaPolicy build() {
            try {
                return new SlaPolicy(Optional.ofNullable(waitLimit), onWaitLimit, Optional.ofNullable(botMessage),
                        Optional.ofNullable(answerLimit));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }
}
