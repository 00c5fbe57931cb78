package dev.conversa.privacy;

/**
 * The kinds of stored data a {@link RetentionPolicy} keeps for a limited time, each with its own
 * period and its own clock.
 */
public enum DataClass {
    /**
     * Conversations with everything keyed to them (messages and their part ids, parked inbox
     * entries, finished outbox entries, lane rows, and the contact once no conversation of theirs
     * on that channel is left), counted from the conversation's last interaction: the latest of
     * its last change and its newest message. A conversation with work in flight (an inbox entry
     * pending or claimed, a reply task, an outbox entry pending or sending) is never removed.
     */
    CONVERSATIONS,
    /**
     * Inbox entries already processed, counted from their completion. Their event is dropped
     * when they complete; what stays is the key that deduplicates a redelivered webhook.
     */
    PROCESSED_INBOX,
    /** Outbox entries that are finished ({@code SENT}, {@code DEAD}, {@code SEND_UNCERTAIN}), counted from their enqueueing. */
    FINISHED_OUTBOX,
    /** Audit log entries, counted from the time they record. */
    AUDIT,
    /** Deletion requests marked {@code DONE}, counted from their last status change. */
    DONE_DELETION_REQUESTS,
    /**
     * Dead letters: verified webhook bodies a channel could not read, kept for the host to
     * look into, counted from their receipt. They may hold names, numbers and text, and belong to
     * the Meta app, not to a tenant, so only the default period applies to them.
     */
    DEAD_LETTERS
}
