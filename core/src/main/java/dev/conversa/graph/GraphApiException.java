package dev.conversa.graph;

import dev.conversa.ConversaException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The Graph API refused a call, or could not be reached. Carries what a host needs to act:
 * Meta's error code and subcode, the trace id for Meta support, and whether a retry can help.
 * The message never contains the access token or the request body.
 */
public class GraphApiException extends ConversaException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final Integer code;
    private final Integer subcode;
    private final String type;
    private final String fbtraceId;
    private final boolean retryable;
    private final Duration retryAfter;
    private final boolean outcomeUnknown;

    /**
     * Creates the exception.
     *
     * @param message Meta's error message or a description of the failure
     * @param httpStatus the HTTP status, 0 when no response arrived (timeout, I/O error)
     * @param code Meta's error code, when sent
     * @param subcode Meta's error subcode, when sent
     * @param type Meta's error type such as {@code OAuthException}, when sent
     * @param fbtraceId Meta's trace id, when sent
     * @param retryable whether the same call may succeed later
     * @param retryAfter how long Meta asked to wait, when it said
     * @param cause the underlying exception, may be null
     */
    public GraphApiException(
            String message, int httpStatus, Integer code, Integer subcode, String type, String fbtraceId,
            boolean retryable, Duration retryAfter, Throwable cause) {
        this(message, httpStatus, code, subcode, type, fbtraceId, retryable, retryAfter, false, cause);
    }

    /**
     * Creates the exception, saying whether the call may have taken effect.
     *
     * @param message Meta's error message or a description of the failure
     * @param httpStatus the HTTP status, 0 when no response arrived (timeout, I/O error)
     * @param code Meta's error code, when sent
     * @param subcode Meta's error subcode, when sent
     * @param type Meta's error type such as {@code OAuthException}, when sent
     * @param fbtraceId Meta's trace id, when sent
     * @param retryable whether the same call may succeed later
     * @param retryAfter how long Meta asked to wait, when it said
     * @param outcomeUnknown true when no answer came to a request that may have reached Meta, so
     *     a send may or may not have happened
     * @param cause the underlying exception, may be null
     */
    public GraphApiException(
            String message, int httpStatus, Integer code, Integer subcode, String type, String fbtraceId,
            boolean retryable, Duration retryAfter, boolean outcomeUnknown, Throwable cause) {
        super(message, cause);
        this.outcomeUnknown = outcomeUnknown;
        this.httpStatus = httpStatus;
        this.code = code;
        this.subcode = subcode;
        this.type = type;
        this.fbtraceId = fbtraceId;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /**
     * The HTTP status.
     *
     * @return the status, 0 when no response arrived
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Meta's error code, such as 190 (token expired) or 131047 (outside the 24-hour window).
     *
     * @return the code, when sent
     */
    public OptionalInt code() {
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }

    /**
     * Meta's error subcode.
     *
     * @return the subcode, when sent
     */
    public OptionalInt subcode() {
        return subcode == null ? OptionalInt.empty() : OptionalInt.of(subcode);
    }

    /**
     * Meta's error type, such as {@code OAuthException}.
     *
     * @return the type, when sent
     */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /**
     * Meta's trace id, to quote to Meta support.
     *
     * @return the id, when sent
     */
    public Optional<String> fbtraceId() {
        return Optional.ofNullable(fbtraceId);
    }

    /**
     * Whether the same call may succeed later (rate limits, temporary errors, 5xx, timeouts).
     *
     * @return true if retrying can help
     */
    public boolean isRetryable() {
        return retryable;
    }

    /**
     * Whether the call may have taken effect although it failed: no answer came to a request
     * that may have reached Meta (a timeout, a connection lost mid-request). Such a call is
     * never retried, since Meta's Send API has no idempotency key and a retry could send a
     * message twice; the outbox marks the message {@code SEND_UNCERTAIN}.
     *
     * @return true if the outcome is unknown
     */
    public boolean isOutcomeUnknown() {
        return outcomeUnknown;
    }

    /**
     * How long Meta asked to wait before the next try.
     *
     * @return the delay, when Meta said
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
