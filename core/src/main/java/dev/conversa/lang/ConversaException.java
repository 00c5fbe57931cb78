package dev.conversa.lang;

/**
 * The root of every exception Conversa throws. Messages never contain tokens, secrets, phone
 * numbers or message text.
 */
public class ConversaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, without personal data or secrets
     */
    public ConversaException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, without personal data or secrets
     * @param cause the cause
     */
    public ConversaException(String message, Throwable cause) {
        super(message, cause);
    }
}
