package dev.conversa.model;

/**
 * How far an outbound message got. Statuses arrive out of order (read before delivered), so a
 * stored status only moves forward: see {@link #isAfter(DeliveryStatus)}.
 */
public enum DeliveryStatus {
    /** Recorded here, not yet accepted by the channel. */
    PENDING(0),
    /** Accepted by the channel's API. */
    SENT(1),
    /** Delivered to the customer's device. */
    DELIVERED(2),
    /** Read by the customer. */
    READ(3),
    /** A voice message played by the customer (WhatsApp). */
    PLAYED(4),
    /** The channel reported that the message could not be delivered. */
    FAILED(5),
    /**
     * The send may or may not have reached the channel: the process stopped after the request
     * and before its answer was recorded. Never resent automatically.
     */
    SEND_UNCERTAIN(1),
    /** A status value this version does not know. */
    UNKNOWN(-1);

    private final int rank;

    DeliveryStatus(int rank) {
        this.rank = rank;
    }

    /**
     * Tells whether this status is further along than another, so that a stored status can be
     * replaced by this one. {@link #UNKNOWN} is never after anything.
     *
     * @param other the stored status
     * @return true if this status should replace {@code other}
     */
    public boolean isAfter(DeliveryStatus other) {
        return rank > other.rank;
    }
}
