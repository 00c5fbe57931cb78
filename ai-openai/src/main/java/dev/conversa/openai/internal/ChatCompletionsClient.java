package dev.conversa.openai.internal;

import dev.conversa.internal.http.RetryPolicy;
import dev.conversa.internal.respond.ModelCallException.Kind;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Sends chat completion requests over {@code java.net.http}, retrying 429, 5xx and connection
 * errors with core's {@link RetryPolicy} (backoff with jitter, {@code Retry-After} honoured up
 * to the longest backoff). A timeout is not retried: the customer is already waiting.
 * Thread-safe.
 */
public final class ChatCompletionsClient {

    private final HttpClient http;
    private final ClientConfig config;
    private final RetryPolicy retry;
    private final Clock clock;

    /**
     * Creates the client.
     *
     * @param http the HTTP client, with its connect timeout
     * @param config endpoint, key, headers and timeout
     * @param retry when to retry and how long to wait
     * @param clock reads the time, for {@code Retry-After} dates
     */
    public ChatCompletionsClient(HttpClient http, ClientConfig config, RetryPolicy retry, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.config = Objects.requireNonNull(config, "config");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Sends the request and returns the parsed answer.
     *
     * @param request the request
     * @return the 2xx answer
     * @throws OpenAiCallException on any failure, after the retries
     */
    public ChatResponse complete(ChatRequest request) {
        byte[] body = WireJson.mapper().writeValueAsBytes(request);
        return retry.execute(() -> attempt(body), OpenAiCallException.class,
                OpenAiCallException::isRetryable, OpenAiCallException::retryAfter);
    }

    private ChatResponse attempt(byte[] body) {
        HttpResponse<byte[]> response = send(body);
        int status = response.statusCode();
        if (status / 100 == 2) {
            return parse(response.body());
        }
        if (RetryPolicy.isRetryableStatus(status)) {
            throw new OpenAiCallException(Kind.RETRIES_EXHAUSTED, describe(response),
                    RetryAfter.parse(response.headers(), clock));
        }
        throw new OpenAiCallException(Kind.HTTP_ERROR, describe(response));
    }

    private HttpResponse<byte[]> send(byte[] body) {
        try {
            return http.send(httpRequest(body), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new OpenAiCallException(Kind.TIMEOUT, "no answer within " + config.requestTimeout(), e);
        } catch (IOException e) {
            throw new OpenAiCallException(Kind.IO_ERROR, "connection failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenAiCallException(Kind.INTERRUPTED, "interrupted while waiting for the answer", e);
        }
    }

    private HttpRequest httpRequest(byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(config.chatCompletions())
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + config.apiKey().reveal())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        config.organization().ifPresent(org -> builder.header("OpenAI-Organization", org));
        config.project().ifPresent(project -> builder.header("OpenAI-Project", project));
        return builder.build();
    }

    private static ChatResponse parse(byte[] body) {
        try {
            ChatResponse response = WireJson.mapper().readValue(body, ChatResponse.class);
            if (response == null || response.choices() == null || response.choices().isEmpty()
                    || response.choices().get(0).message() == null) {
                throw new OpenAiCallException(Kind.MALFORMED_RESPONSE, "the answer has no message");
            }
            return response;
        } catch (JacksonException e) {
            throw new OpenAiCallException(Kind.MALFORMED_RESPONSE, "the answer is not a chat completion", e);
        }
    }

    /** Status plus OpenAI's error type and code; never the error message, which may quote the key. */
    private static String describe(HttpResponse<byte[]> response) {
        String text = "HTTP " + response.statusCode();
        try {
            JsonNode error = WireJson.mapper().readTree(response.body()).path("error");
            String type = error.path("type").asString("");
            String code = error.path("code").asString("");
            return type.isEmpty() && code.isEmpty() ? text : text + " (" + type + (code.isEmpty() ? "" : "/" + code) + ")";
        } catch (JacksonException e) {
            return text;
        }
    }
}
