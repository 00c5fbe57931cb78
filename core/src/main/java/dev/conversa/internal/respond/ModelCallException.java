package dev.conversa.internal.respond;

import dev.conversa.lang.ConversaException;
import java.util.Objects;

/**
 * A call to the model that gave no usable answer. The message names the kind of failure and a
 * detail without secrets, prompts or the model's text. The responder turns it into the fallback.
 *
 * <p><b>Internal:</b> not part of the public API.
 */
public class ModelCallException extends ConversaException {

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
        INTERRUPTED,
        /** Any other failure of the provider's client library. */
        PROVIDER_ERROR
    }

    private final Kind kind;

    /**
     * Creates the exception.
     *
     * @param kind what went wrong
     * @param detail more about it, without secrets or text
     */
    public ModelCallException(Kind kind, String detail) {
        super(Objects.requireNonNull(kind, "kind") + ": " + detail);
        this.kind = kind;
    }

    /**
     * Creates the exception with its cause.
     *
     * @param kind what went wrong
     * @param detail more about it, without secrets or text
     * @param cause the cause
     */
    public ModelCallException(Kind kind, String detail, Throwable cause) {
        super(Objects.requireNonNull(kind, "kind") + ": " + detail, cause);
        this.kind = kind;
    }

    /**
     * What went wrong.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }
}
