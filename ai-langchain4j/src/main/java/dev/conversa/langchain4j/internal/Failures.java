package dev.conversa.langchain4j.internal;

import dev.conversa.internal.respond.ModelCallException.Kind;
import dev.conversa.internal.respond.ModelCallException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;

/**
 * Maps what a LangChain4j {@code ChatModel} throws to the shared failure kinds. The detail names
 * the exception's type and, for HTTP errors, the status; never the provider's message, which may
 * quote the request.
 *
 * <p><b>Internal:</b> not part of the public API. Stateless and thread-safe.
 */
public final class Failures {

    private Failures() {}

    /**
     * The shared failure for an exception of the model.
     *
     * @param failure what the model threw
     * @return the exception to throw in its place
     */
    public static ModelCallException of(RuntimeException failure) {
        String type = failure.getClass().getSimpleName();
        if (Thread.currentThread().isInterrupted()) {
            return new ModelCallException(Kind.INTERRUPTED, "interrupted while waiting for the answer (" + type + ")", failure);
        }
        if (failure instanceof TimeoutException || causedBy(failure, HttpTimeoutException.class)
                || causedBy(failure, java.util.concurrent.TimeoutException.class)
                || causedBy(failure, java.net.SocketTimeoutException.class)) {
            return new ModelCallException(Kind.TIMEOUT, "no answer in time (" + type + ")", failure);
        }
        if (failure instanceof ContentFilteredException) {
            return new ModelCallException(Kind.REFUSAL, "stopped by the provider's content filter", failure);
        }
        if (failure instanceof RateLimitException || failure instanceof InternalServerException) {
            return new ModelCallException(Kind.RETRIES_EXHAUSTED, type + " after the model's own retries", failure);
        }
        HttpException http = cause(failure, HttpException.class);
        if (http != null) {
            Kind kind = http.statusCode() == 429 || http.statusCode() >= 500 ? Kind.RETRIES_EXHAUSTED : Kind.HTTP_ERROR;
            return new ModelCallException(kind, "HTTP " + http.statusCode() + " (" + type + ")", failure);
        }
        if (causedBy(failure, IOException.class) && !causedBy(failure, InterruptedIOException.class)) {
            return new ModelCallException(Kind.IO_ERROR, "connection failed (" + type + ")", failure);
        }
        return new ModelCallException(Kind.PROVIDER_ERROR, type, failure);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        return cause(failure, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 10; depth++, current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
        }
        return null;
    }
}
