package dev.conversa.store;

import dev.conversa.lang.ConversaException;

/**
 * A worker tried to finish work whose lease had expired and was claimed by another worker;
 * the other worker's result stands.
 */
public class LeaseLostException extends ConversaException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which entry, by id
     */
    public LeaseLostException(String message) {
        super(message);
    }
}
