package dev.conversa.whatsapp;

import dev.conversa.graph.GraphApiException;
import java.time.Duration;
import java.util.Objects;

/**
 * WhatsApp refused a send, or the channel refused it before any request (outside the 24-hour
 * window). Carries Meta's data like every {@link GraphApiException}, plus the
 * {@link WhatsAppError} a host acts on; {@link #isRetryable()} follows that error. The message
 * never holds the token, the phone number or the text.
 */
public class WhatsAppException extends GraphApiException {

    private static final long serialVersionUID = 1L;

    private final WhatsAppError error;

    private WhatsAppException(GraphApiException cause, WhatsAppError error) {
        super(cause.getMessage(), cause.httpStatus(), boxed(cause.code()), boxed(cause.subcode()),
                cause.type().orElse(null), cause.fbtraceId().orElse(null),
                error == WhatsAppError.OTHER ? cause.isRetryable() : error.retryable(),
                cause.retryAfter().orElse(null), cause);
        this.error = error;
    }

    private WhatsAppException(String message, WhatsAppError error) {
        super(message, 0, null, null, null, null, error.retryable(), null, null);
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
     * A free-form message refused before any request because the customer-service window is
     * closed.
     *
     * @param sinceLastInbound how long ago the customer last wrote, or null if never
     * @return the exception, with {@link WhatsAppError#OUTSIDE_WINDOW}
     */
    static WhatsAppException outsideWindow(Duration sinceLastInbound) {
        String when = sinceLastInbound == null
                ? "the customer never wrote"
                : "the customer last wrote " + sinceLastInbound.toHours() + " h ago";
        return new WhatsAppException("Outside WhatsApp's 24-hour customer-service window (" + when
                + "): only an approved template may be sent; nothing was sent", WhatsAppError.OUTSIDE_WINDOW);
    }

    /**
     * Which WhatsApp error this is.
     *
     * @return the error
     */
    public WhatsAppError error() {
        return error;
    }

    private static Integer boxed(java.util.OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }
}
