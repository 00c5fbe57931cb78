package dev.conversa.internal.json;

import dev.conversa.lang.ConversaException;

/**
 * A body that is not the JSON it should be. The message says what is wrong and where, never
 * the content.
 *
 * <p><b>Internal:</b> not part of the public API.
 */
public final class MalformedJsonException extends ConversaException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, without content
     */
    public MalformedJsonException(String message) {
        super(message);
    }
}
