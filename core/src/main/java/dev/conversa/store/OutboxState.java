package dev.conversa.store;

/** Where an outbox entry is on its way to the channel. */
public enum OutboxState {
    /** Waiting to be sent. */
    PENDING,
    /** Claimed by a worker and being sent now. */
    SENDING,
    /** Accepted by the channel. */
    SENT,
    /** Failed for good, after the last attempt or on a permanent error; visible to the host. */
    DEAD,
    /**
     * The worker stopped while sending: the channel may or may not have accepted it. Never
     * resent automatically; visible to the host.
     */
    SEND_UNCERTAIN
}
