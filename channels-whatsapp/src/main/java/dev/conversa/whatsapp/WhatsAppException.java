package dev.conversa.whatsapp;

import dev.conversa.graph.GraphApiException;
import java.util.Objects;

/**
 * WhatsApp refused a send, or the channel refused it before any request (outside the 24-hour
 * window). Carries every field of the Graph API failure it wraps ({@link #isOutcomeUnknown()}
 * above all), plus the {@link WhatsAppError} a host acts on; {@link #isRetryable()} follows that
 * error, and is never true when the outcome is unknown. The message
 * never holds the token, the phone number or the text.
 */
public class WhatsAppException extends GraphApiException {

    private static final long serialVersionUID = 1L;

    private final WhatsAppError error;

    private WhatsAppException(GraphApiException cause, WhatsAppError error) {
        super(cause.toBuilder().retryable(!cause.isOutcomeUnknown()
                && (error == WhatsAppError.OTHER ? cause.isRetryable() : error.retryable())));
        this.error = error;
    }

    private WhatsAppException(String message, WhatsAppError error) {
        super(GraphApiException.builder(message).retryable(error.retryable()));
        this.error = error;
    }

    /**
     * Classifies a Graph API failure of a WhatsApp send.
     *
     * @param cause the failure
     * @return the exception, keeping the failure as its cause
     */
    public static WhatsAppException of(GraphApiException cause) {
        Objects.requireNonNull(cause, "cause");
        return cause instanceof WhatsAppException same ? same : new WhatsAppException(cause, WhatsAppError.classify(cause));
    }

    /**
     * Which WhatsApp error this is.
     *
     * @return the error
     */
    public WhatsAppError error() {
        return error;
    }
}
