package dev.conversa.openai.internal;

import dev.conversa.openai.Sleeper;
import dev.conversa.openai.internal.OpenAiCallException.Kind;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Sends chat completion requests over {@code java.net.http}, retrying 429, 5xx and connection
 * errors as its {@link RetryPolicy} says. A timeout is not retried: the customer is already
 * waiting. Thread-safe.
 */
public final class ChatCompletionsClient {

    private static final Logger log = LoggerFactory.getLogger(ChatCompletionsClient.class);

    private final HttpClient http;
    private final ClientConfig config;
    private final Sleeper sleeper;
    private final Clock clock;

    /**
     * Creates the client.
     *
     * @param http the HTTP client, with its connect timeout
     * @param config endpoint, key, headers, timeout and retry policy
     * @param sleeper waits between attempts
     * @param clock reads the time, for {@code Retry-After} dates
     */
    public ChatCompletionsClient(HttpClient http, ClientConfig config, Sleeper sleeper, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.config = Objects.requireNonNull(config, "config");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
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
        for (int attempt = 0; ; attempt++) {
            Optional<HttpResponse<byte[]>> response = send(body, attempt);
            if (response.isPresent()) {
                int status = response.get().statusCode();
                if (status / 100 == 2) {
                    return parse(response.get().body());
                }
                if (!RetryPolicy.isRetryable(status)) {
                    throw new OpenAiCallException(Kind.HTTP_ERROR, describe(response.get()));
                }
                log.debug("OpenAI answered {} on attempt {}", status, attempt + 1);
            }
            waitBeforeRetry(attempt, response);
        }
    }

    private Optional<HttpResponse<byte[]>> send(byte[] body, int attempt) {
        try {
            return Optional.of(http.send(httpRequest(body), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (HttpTimeoutException e) {
            throw new OpenAiCallException(Kind.TIMEOUT, "no answer within " + config.requestTimeout(), e);
        } catch (IOException e) {
            if (attempt >= config.retry().maxRetries()) {
                throw new OpenAiCallException(Kind.IO_ERROR, "connection failed: " + e.getClass().getSimpleName(), e);
            }
            log.debug("OpenAI connection failed on attempt {}: {}", attempt + 1, e.getClass().getSimpleName());
            return Optional.empty();
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

    private void waitBeforeRetry(int attempt, Optional<HttpResponse<byte[]>> response) {
        String last = response.map(ChatCompletionsClient::describe).orElse("connection failed");
        if (attempt >= config.retry().maxRetries()) {
            throw new OpenAiCallException(Kind.RETRIES_EXHAUSTED, (attempt + 1) + " attempts, last " + last);
        }
        Optional<Duration> asked = response.flatMap(r -> RetryAfter.parse(r.headers(), clock));
        Duration wait = config.retry().delay(attempt, asked, ThreadLocalRandom.current()::nextDouble)
                .orElseThrow(() -> new OpenAiCallException(Kind.RETRIES_EXHAUSTED,
                        "Retry-After " + asked.orElseThrow() + " is longer than allowed, last " + last));
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenAiCallException(Kind.INTERRUPTED, "interrupted while waiting to retry", e);
        }
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
