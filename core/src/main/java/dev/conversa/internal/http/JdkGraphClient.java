package dev.conversa.internal.http;

import dev.conversa.graph.GraphApiException;
import dev.conversa.graph.GraphClient;
import dev.conversa.graph.GraphRequest;
import dev.conversa.graph.GraphResponse;
import dev.conversa.graph.MediaDownload;
import dev.conversa.lang.Secret;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link GraphClient} on {@code java.net.http.HttpClient}: one attempt per call of
 * {@link #sendOnce}; reads (GET) and media downloads are retried by the shared
 * {@link RetryPolicy}, anything else is tried once, since Meta's Send API has no idempotency key
 * (the outbox decides whether a failed send is tried again); failures mapped to
 * {@link GraphApiException} by {@link GraphErrors}; media fetched by {@link MediaDownloader}.
 * Logs only the method, path and status, at DEBUG.
 *
 * <p><b>Internal:</b> public only so that {@code GraphClient.Builder} can create it; build
 * clients with {@code GraphClient.builder()}. Immutable and thread-safe.
 */
public final class JdkGraphClient implements GraphClient {

    private static final Logger LOG = LoggerFactory.getLogger(JdkGraphClient.class);

    private final GraphClientConfig config;
    private final HttpClient http;
    private final RetryPolicy retry;
    private final GraphErrors errors;
    private final MediaDownloader media;

    /**
     * Creates a client with its own {@code HttpClient}.
     *
     * @param config the validated settings
     */
    public JdkGraphClient(GraphClientConfig config) {
        this(config, HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build());
    }

    private JdkGraphClient(GraphClientConfig config, HttpClient http) {
        this.config = config;
        this.http = http;
        this.retry = RetryPolicy.of(config.maxAttempts(), config.initialBackoff(), config.maxBackoff(), config.sleeper());
        this.errors = new GraphErrors(config.clock());
        this.media = new MediaDownloader(http, config, errors);
    }

    @Override
    public GraphResponse execute(GraphRequest request, Secret token) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(token, "token");
        HttpRequest httpRequest = toHttp(request, token);
        if (!GraphErrors.isRead(httpRequest.method())) {
            return sendOnce(httpRequest, token);
        }
        return retry.execute(() -> sendOnce(httpRequest, token), GraphApiException.class,
                GraphApiException::isRetryable, GraphApiException::retryAfter);
    }

    @Override
    public MediaDownload download(URI url, Secret token, long maxBytes) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        return retry.execute(() -> media.downloadOnce(url, token, maxBytes), GraphApiException.class,
                GraphApiException::isRetryable, GraphApiException::retryAfter);
    }

    @Override
    public URI baseUrl() {
        return config.baseUrl();
    }

    @Override
    public String apiVersion() {
        return config.apiVersion();
    }

    /**
     * The validated settings of this client.
     *
     * @return the settings
     */
    public GraphClientConfig config() {
        return config;
    }

    @Override
    public GraphClient.Builder toBuilder() {
        return GraphClient.builder()
                .baseUrl(config.baseUrl())
                .apiVersion(config.apiVersion())
                .connectTimeout(config.connectTimeout())
                .requestTimeout(config.requestTimeout())
                .maxAttempts(config.maxAttempts())
                .initialBackoff(config.initialBackoff())
                .maxBackoff(config.maxBackoff())
                .allowedMediaHosts(config.mediaHosts())
                .allowInsecureLoopbackForTests(config.insecureLoopback())
                .clock(config.clock())
                .sleeper(config.sleeper());
    }

    @Override
    public GraphClient withBaseUrl(URI baseUrl) {
        return new JdkGraphClient(config.withBaseUrl(GraphClientConfig.checkBaseUrl(baseUrl)), http);
    }

    private HttpRequest toHttp(GraphRequest request, Secret token) {
        URI uri = URI.create(config.baseUrl() + "/" + config.apiVersion() + request.path() + query(request.query()));
        HttpRequest.BodyPublisher body = request.body().length == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + token.reveal())
                .header("Accept", "application/json")
                .method(request.method().toUpperCase(Locale.ROOT), body);
        if (!request.contentType().isEmpty()) {
            builder.header("Content-Type", request.contentType());
        }
        return builder.build();
    }

    private static String query(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        return new TreeMap<>(query).entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&", "?", ""));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private GraphResponse sendOnce(HttpRequest request, Secret token) {
        HttpResponse<byte[]> response = send(http, request, HttpResponse.BodyHandlers.ofByteArray());
        LOG.debug("Graph {} {} -> {}", request.method(), request.uri().getRawPath(), response.statusCode());
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw errors.fromResponse(status, response.body(),
                    response.headers().firstValue("retry-after").orElse(null), token, request.method());
        }
        return new GraphResponse(status, new String(response.body(), StandardCharsets.UTF_8),
                lowerCaseHeaders(response.headers()));
    }

    static <T> HttpResponse<T> send(HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw GraphErrors.noResponse("Graph API could not be reached (" + e.getClass().getSimpleName() + "): "
                    + request.method() + " " + request.uri().getRawPath(), true, e);
        } catch (HttpTimeoutException e) {
            throw GraphErrors.noAnswer("Graph API call timed out: " + request.method() + " "
                    + request.uri().getRawPath(), request.method(), e);
        } catch (IOException e) {
            throw GraphErrors.noAnswer("Graph API call failed with " + e.getClass().getSimpleName() + ": "
                    + request.method() + " " + request.uri().getRawPath(), request.method(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GraphErrors.noAnswer("Graph API call interrupted: " + request.method() + " "
                    + request.uri().getRawPath(), request.method(), e);
        }
    }

    private static Map<String, List<String>> lowerCaseHeaders(HttpHeaders headers) {
        Map<String, List<String>> lower = new TreeMap<>();
        headers.map().forEach((name, values) -> lower.merge(name.toLowerCase(Locale.ROOT), values,
                (a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
        return lower;
    }

    @Override
    public String toString() {
        return "GraphClient[" + config.baseUrl() + ", " + config.apiVersion() + "]";
    }
}
