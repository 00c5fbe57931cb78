package dev.conversa.openai.internal;

import dev.conversa.internal.respond.ModelCallException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A call to the OpenAI API that gave no usable answer; its {@code Kind} is the shared
 * {@link ModelCallException.Kind}. The message names the kind of failure and,
 * for HTTP errors, the status and OpenAI's error type and code; never the API key, the prompt or
 * the model's text.
 */
public final class OpenAiCallException extends ModelCallException {

    private static final long serialVersionUID = 1L;

    private final transient Optional<Duration> retryAfter;

    /**
     * Creates the exception.
     *
     * @param kind what went wrong
     * @param detail more about it, without secrets or text
     */
    public OpenAiCallException(Kind kind, String detail) {
        this(kind, detail, Optional.empty());
    }

    /**
     * Creates the exception for an answer that asked us to wait before trying again.
     *
     * @param kind what went wrong
     * @param detail more about it, without secrets or text
     * @param retryAfter how long the server asked us to wait, when it did
     */
    public OpenAiCallException(Kind kind, String detail, Optional<Duration> retryAfter) {
        super(kind, detail);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /**
     * Creates the exception with its cause.
     *
     * @param kind what went wrong
     * @param detail more about it, without secrets or text
     * @param cause the cause
     */
    public OpenAiCallException(Kind kind, String detail, Throwable cause) {
        super(kind, detail, cause);
        this.retryAfter = Optional.empty();
    }

    /**
     * Tells whether another attempt may succeed: 429, 5xx and connection errors.
     *
     * @return true if worth retrying
     */
    public boolean isRetryable() {
        return kind() == Kind.RETRIES_EXHAUSTED || kind() == Kind.IO_ERROR;
    }

    /**
     * How long the server asked us to wait before trying again.
     *
     * @return the wait, when the server named one
     */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
