package dev.conversa.store;

/**
 * What {@link ConversationStore#takeTurn} did with one responder turn of a customer.
 */
public enum SenderTurn {

    /** The turn was counted: the responder may be asked. */
    TAKEN,

    /**
     * No turn was left, and this is the first refusal of the customer in the window: they are
     * now marked as told, so the caller sends the budget's notice.
     */
    REFUSED_FIRST,

    /** No turn was left, and the customer was told already in this window: stay silent. */
    REFUSED
}
