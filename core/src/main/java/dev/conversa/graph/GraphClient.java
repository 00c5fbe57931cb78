package dev.conversa.graph;

import dev.conversa.Secret;
import java.net.URI;

/**
 * Calls the Graph API. Built once with {@code GraphClient.builder()} and shared: implementations are
 * immutable and thread-safe.
 *
 * <p>Reads ({@code GET}) and media downloads whose failure may pass (HTTP 429 and 5xx, Meta's
 * rate-limit and temporary codes, timeouts and I/O errors) are retried with exponential backoff
 * and full jitter, honouring {@code Retry-After}, up to a bounded number of attempts; permanent
 * errors fail at once. Any other call (a send, an upload) is tried once: Meta's Send API has no
 * idempotency key, so its failure says instead whether trying again later is safe
 * ({@link GraphApiException#isRetryable()}: nothing was done) or whether it may have taken
 * effect ({@link GraphApiException#isOutcomeUnknown()}), and the caller decides. Every failure
 * is a {@link GraphApiException}. The access token travels only in the
 * {@code Authorization} header and never appears in logs or messages.
 *
 * <pre>{@code
 * GraphClient graph = GraphClient.builder()
 *     .baseUrl(URI.create("https://graph.facebook.com"))
 *     .apiVersion("v23.0")
 *     .build();
 * GraphResponse response = graph.execute(GraphRequest.postJson("/123/messages", json), token);
 * }</pre>
 */
public interface GraphClient {

    /**
     * Starts configuring a client; every setting has a safe default.
     *
     * @return a new builder
     */
    static GraphClientBuilder builder() {
        return new GraphClientBuilder();
    }

    /**
     * Runs one call; a read is retried while it may succeed later, anything else is tried once.
     *
     * @param request the call
     * @param token the access token, sent as {@code Authorization: Bearer}
     * @return the 2xx answer
     * @throws GraphApiException on any failure, after the retries of a read
     */
    GraphResponse execute(GraphRequest request, Secret token);

    /**
     * Downloads media from an absolute URL with the token, streaming at most {@code maxBytes}.
     * Only https URLs on the hosts allowed by the client's configuration are fetched, so the
     * token is never sent elsewhere.
     *
     * @param url the media URL the Graph API returned
     * @param token the access token
     * @param maxBytes the size cap
     * @return the bytes and their content type
     * @throws GraphApiException on failure, if the host is not allowed, or if the media is larger
     *     than the cap
     */
    MediaDownload download(URI url, Secret token, long maxBytes);

    /**
     * The base URL, such as {@code https://graph.facebook.com}.
     *
     * @return the base URL
     */
    URI baseUrl();

    /**
     * The API version in paths, such as {@code v23.0}.
     *
     * @return the version
     */
    String apiVersion();

    /**
     * A client like this one on another base URL (Instagram Login accounts use
     * {@code https://graph.instagram.com}).
     *
     * @param baseUrl the other base URL
     * @return the client
     */
    GraphClient withBaseUrl(URI baseUrl);
}
