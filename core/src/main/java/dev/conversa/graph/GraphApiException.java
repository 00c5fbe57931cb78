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
        super(message, cause);
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
     * How long Meta asked to wait before the next try.
     *
     * @return the delay, when Meta said
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
