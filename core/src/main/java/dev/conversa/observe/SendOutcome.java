package dev.conversa.observe;

/** How one tried send of an outbox entry ended, for {@link ConversaObserver#sendFinished}. */
public enum SendOutcome {
    /** The channel accepted the message. */
    SENT,
    /** A failure that proves nothing was sent; the entry is tried again later. */
    RETRIED,
    /** The account is parked (its token was refused); the entry waits without using an attempt. */
    POSTPONED,
    /** The channel may or may not have received it; never resent automatically. */
    UNCERTAIN,
    /** Failed for good. */
    DEAD
}
