package dev.conversa.pipeline;

/**
 * The built-in steps of the pipeline, in the order they run. A host inserts its own
 * {@link Middleware} before a named step; the built-in steps themselves cannot be removed.
 */
public enum Step {
    /**
     * Stores what arrived: the contact, the conversation (reopened when closed), the message,
     * echoes of the business's own messages, deletions and edits, and the consent changes a
     * channel reports (to the {@code ConsentStore}).
     */
    RECORD,
    /** Moves the delivery status of the business's messages forward (sent, delivered, read). */
    STATUS,
    /**
     * Decides who answers: an echo sent from elsewhere or a handover to another app gives the
     * conversation to a person; a handover back gives it to the bot.
     */
    OWNERSHIP,
    /**
     * STOP and START: a message that is an opt-out keyword alone records the person's opt-out in
     * the {@code ConsentStore} and queues one confirmation; START from a person who opted out
     * opts them back in. While a person (through any of their linked identities) stands opted
     * out, nothing after this step runs for their messages and reply tasks, so the responder is
     * not called. Keywords: {@code dev.conversa.privacy.OptOutKeywords}.
     */
    CONSENT,
    /**
     * Waits for the customer to finish typing: schedules one reply task per burst of messages
     * after a quiet window, bounded by a maximum wait.
     */
    COALESCE,
    /** Runs for reply tasks: asks the responder and queues its answer through the send gate. */
    RESPOND
}
