package dev.conversa.agent;

import dev.conversa.lang.ConversaException;
import java.util.Objects;

/**
 * An agent's reply refused before anything was queued or sent: the agent does not hold the
 * conversation, or the channel's rules do not let the message go now. {@link #rule()} names the
 * rule; the message explains it, without personal data.
 *
 * <pre>{@code
 * try {
 *     conversa.agents().reply(tenant, conversation, "ana", new Text("Hello, I am Ana"));
 * } catch (ReplyRefusedException e) {
 *     if (e.rule() == ReplyRefusedException.Rule.REPLY_WINDOW) {
 *         offerTemplates();
 *     }
 * }
 * }</pre>
 */
public final class ReplyRefusedException extends ConversaException {

    private static final long serialVersionUID = 1L;

    /** The rule that refused the reply. */
    private final Rule rule;

    /**
     * Creates the exception.
     *
     * @param rule the rule that refused the reply
     * @param message the explanation, without personal data
     */
    public ReplyRefusedException(Rule rule, String message) {
        super(Objects.requireNonNull(rule, "rule") + ": " + Objects.requireNonNull(message, "message"));
        this.rule = rule;
    }

    /**
     * The rule that refused the reply.
     *
     * @return the rule
     */
    public Rule rule() {
        return rule;
    }

    /** The rules that may refuse a message. */
    public enum Rule {
        /** The agent does not hold the conversation: it is not {@code WITH_AGENT} assigned to them. */
        NOT_HOLDER,
        /** A bot message while a person holds the conversation or it is closed. */
        TAKEN_OVER,
        /** The person opted out (STOP) and has not written since. */
        OPTED_OUT,
        /** The customer never wrote, so no window is open: only a template may go, where the channel has them. */
        NO_CUSTOMER_MESSAGE,
        /**
         * Outside the channel's reply window (24 hours on WhatsApp, Messenger and Instagram):
         * on WhatsApp only a template may go.
         */
        REPLY_WINDOW,
        /**
         * Outside the channel's human agent window too (7 days on Messenger and Instagram, where a
         * person's reply between 24 hours and 7 days goes with the {@code HUMAN_AGENT} tag).
         */
        HUMAN_AGENT_WINDOW,
        /** No channel adapter is registered for the conversation's channel. */
        NO_CHANNEL
    }
}
