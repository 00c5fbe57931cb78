package dev.conversa.model;

/** Which way a stored message travelled. */
public enum Direction {
    /** From the customer to the business. */
    INBOUND,
    /** From the business to the customer. */
    OUTBOUND
}
