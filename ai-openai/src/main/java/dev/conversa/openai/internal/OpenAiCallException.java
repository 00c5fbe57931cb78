package dev.conversa.openai.internal;

import dev.conversa.lang.ConversaException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A call to the model that gave no usable answer. The message names the kind of failure and,
 * for HTTP errors, the status and OpenAI's error type and code; never the API key, the prompt or
 * the model's text.
 */
public final class OpenAiCallException extends ConversaException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The request took longer than the request timeout. */
        TIMEOUT,
        /** The connection failed, after the retries. */
        IO_ERROR,
        /** A status that retrying does not fix, such as 400 or 401. */
        HTTP_ERROR,
        /** 429 or 5xx on the last attempt, or a Retry-After longer than the longest backoff. */
        RETRIES_EXHAUSTED,
        /** The body was not the JSON of a chat completion. */
        MALFORMED_RESPONSE,
        /** The model refused, or a content filter stopped it. */
        REFUSAL,
        /** The model answered with no text. */
        EMPTY_ANSWER,
        /** The answer was cut at the output token limit. */
        TRUNCATED,
        /** The model kept calling tools past the allowed rounds. */
        TOOL_ROUNDS_EXHAUSTED,
        /** The waiting thread was interrupted. */
        INTERRUPTED
    }

    private final Kind kind;
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
        super(Objects.requireNonNull(kind, "kind") + ": " + detail);
        this.kind = kind;
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
        super(Objects.requireNonNull(kind, "kind") + ": " + detail, cause);
        this.kind = kind;
        this.retryAfter = Optional.empty();
    }

    /**
     * What went wrong.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Tells whether another attempt may succeed: 429, 5xx and connection errors.
     *
     * @return true if worth retrying
     */
    public boolean isRetryable() {
        return kind == Kind.RETRIES_EXHAUSTED || kind == Kind.IO_ERROR;
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
