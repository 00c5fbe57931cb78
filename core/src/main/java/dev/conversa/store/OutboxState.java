package dev.conversa.store;

/** Where an outbox entry is on its way to the channel. */
public enum OutboxState {
    /** Waiting to be sent, or claimed by a worker that is preparing the send. */
    PENDING,
    /** Requested from the channel now; its answer is not recorded yet. */
    SENDING,
    /** Accepted by the channel. */
    SENT,
    /** Failed for good, after the last attempt or on a permanent error; visible to the host. */
    DEAD,
    /**
     * The channel may or may not have accepted it: no answer came (a timeout, a connection
     * lost after the request was written, a server error), the answer held no message id, or
     * the worker stopped while sending. Never resent automatically; visible to the host.
     */
    SEND_UNCERTAIN
}
