package dev.conversa.graph;

import dev.conversa.lang.ConversaException;
import java.time.Duration;
import java.util.Objects;
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
     * Creates the exception from a builder; subclasses pass theirs on.
     *
     * @param builder the fields
     */
    protected GraphApiException(Builder builder) {
        super(Objects.requireNonNull(builder, "builder").message, builder.cause);
        this.httpStatus = builder.httpStatus;
        this.code = builder.code;
        this.subcode = builder.subcode;
        this.type = builder.type;
        this.fbtraceId = builder.fbtraceId;
        this.retryable = builder.retryable;
        this.retryAfter = builder.retryAfter;
        this.outcomeUnknown = builder.outcomeUnknown;
    }

    /**
     * Starts an exception. Unset fields mean: no HTTP response (status 0), no Meta error data,
     * not retryable, outcome known (nothing took effect).
     *
     * @param message Meta's error message or a description of the failure, without tokens or
     *     personal data
     * @return a builder
     */
    public static Builder builder(String message) {
        return new Builder(message);
    }

    /**
     * Starts a copy of this exception with every field, so that a wrapper keeps what it does not
     * change (the outcome-unknown flag above all). The copy's cause is this exception.
     *
     * @return a builder holding this exception's fields
     */
    public Builder toBuilder() {
        Builder copy = new Builder(getMessage());
        copy.httpStatus = httpStatus;
        copy.code = code;
        copy.subcode = subcode;
        copy.type = type;
        copy.fbtraceId = fbtraceId;
        copy.retryable = retryable;
        copy.retryAfter = retryAfter;
        copy.outcomeUnknown = outcomeUnknown;
        copy.cause = this;
        return copy;
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
     * Whether the same call may succeed later and repeating it cannot do twice what it did: for
     * a read, rate limits, temporary errors, 5xx and timeouts; for a send, only failures that
     * prove nothing was done (a refused connection, Meta's throttling).
     *
     * @return true if retrying can help
     */
    public boolean isRetryable() {
        return retryable;
    }

    /**
     * Whether the call may have taken effect although it failed: no answer came to a request
     * that may have reached Meta (a timeout, a connection lost or an interrupt after the request
     * was written), Meta answered a send with a server error, or accepted it without the
     * message id. Such a call is never retried, since Meta's Send API has no idempotency key and
     * a retry could send a message twice; the outbox marks the message {@code SEND_UNCERTAIN}.
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

    /**
     * The fields of a {@link GraphApiException}. Not thread-safe.
     */
    public static final class Builder {

        private String message;
        private int httpStatus;
        private Integer code;
        private Integer subcode;
        private String type;
        private String fbtraceId;
        private boolean retryable;
        private Duration retryAfter;
        private boolean outcomeUnknown;
        private Throwable cause;

        private Builder(String message) {
            this.message = Objects.requireNonNull(message, "message");
        }

        /**
         * The message, without tokens or personal data.
         *
         * @param text the message
         * @return this builder
         */
        public Builder message(String text) {
            this.message = Objects.requireNonNull(text, "message");
            return this;
        }

        /**
         * The HTTP status.
         *
         * @param status the status, 0 when no response arrived
         * @return this builder
         */
        public Builder httpStatus(int status) {
            this.httpStatus = status;
            return this;
        }

        /**
         * Meta's error code.
         *
         * @param value the code, or null when Meta sent none
         * @return this builder
         */
        public Builder code(Integer value) {
            this.code = value;
            return this;
        }

        /**
         * Meta's error subcode.
         *
         * @param value the subcode, or null when Meta sent none
         * @return this builder
         */
        public Builder subcode(Integer value) {
            this.subcode = value;
            return this;
        }

        /**
         * Meta's error type, such as {@code OAuthException}.
         *
         * @param value the type, or null when Meta sent none
         * @return this builder
         */
        public Builder type(String value) {
            this.type = value;
            return this;
        }

        /**
         * Meta's trace id.
         *
         * @param value the trace id, or null when Meta sent none
         * @return this builder
         */
        public Builder fbtraceId(String value) {
            this.fbtraceId = value;
            return this;
        }

        /**
         * Whether the same call may succeed later, without risk of doing twice what it did.
         *
         * @param value true if retrying can help
         * @return this builder
         */
        public Builder retryable(boolean value) {
            this.retryable = value;
            return this;
        }

        /**
         * How long Meta asked to wait.
         *
         * @param delay the delay, or null when Meta did not say
         * @return this builder
         */
        public Builder retryAfter(Duration delay) {
            this.retryAfter = delay;
            return this;
        }

        /**
         * Whether the call may have taken effect although it failed.
         *
         * @param value true if the outcome is unknown
         * @return this builder
         */
        public Builder outcomeUnknown(boolean value) {
            this.outcomeUnknown = value;
            return this;
        }

        /**
         * The underlying exception.
         *
         * @param value the cause, may be null
         * @return this builder
         */
        public Builder cause(Throwable value) {
            this.cause = value;
            return this;
        }

        /**
         * Builds the exception.
         *
         * @return the exception
         */
        public GraphApiException build() {
            return new GraphApiException(this);
        }
    }
}
