package dev.conversa.graph;

import dev.conversa.internal.http.GraphClientConfig;
import dev.conversa.internal.http.JdkGraphClient;
import dev.conversa.lang.Secret;
import dev.conversa.time.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

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
    static Builder builder() {
        return new Builder();
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

    /**
     * A builder holding this client's settings, to build a client that differs in some of them;
     * this client is left as it is.
     *
     * <p>Clients built by {@link #builder()} support it; other implementations (test doubles,
     * wrappers) may not.
     *
     * @return a new builder with this client's settings
     * @throws UnsupportedOperationException if this client was not built by {@link #builder()}
     */
    default Builder toBuilder() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " was not built by GraphClient.builder()");
    }

    /**
     * Configures a {@link GraphClient}; obtained from {@link GraphClient#builder()}. Every setting
     * has a default, so {@code GraphClient.builder().build()} talks to
     * {@code https://graph.facebook.com/v23.0}.
     *
     * <p>Defaults: base URL {@code https://graph.facebook.com}, API version {@code v23.0}, connect
     * timeout 10 s, request timeout 30 s, 4 attempts, backoff from 500 ms up to 30 s, media
     * downloads only over https from hosts ending in {@code .fbcdn.net}, {@code .fbsbx.com},
     * {@code .facebook.com}, {@code .whatsapp.net} or {@code .cdninstagram.com}, the system clock
     * and a sleeper that really waits.
     *
     * <p>Setters only store; {@link #build()} validates the settings and names the bad one in
     * its message.
     *
     * <p>Not thread-safe: configure on one thread, then share the built client.
     */
    public static final class Builder {

        /** The media hosts allowed by default; a leading dot means "this domain and below". */
        public static final List<String> DEFAULT_MEDIA_HOSTS =
                List.of(".fbcdn.net", ".fbsbx.com", ".facebook.com", ".whatsapp.net", ".cdninstagram.com");

        private URI baseUrl = URI.create("https://graph.facebook.com");
        private String apiVersion = "v23.0";
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int maxAttempts = 4;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private List<String> mediaHosts = DEFAULT_MEDIA_HOSTS;
        private boolean insecureLoopback;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();

        Builder() {
        }

        /**
         * The base URL, for proxies, staging or {@code https://graph.instagram.com}.
         *
         * @param baseUrl an absolute http(s) URL without query or fragment
         * @return this builder
         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /**
         * The API version in every path.
         *
         * @param apiVersion such as {@code v23.0}
         * @return this builder
         */
        public Builder apiVersion(String apiVersion) {
            this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
            return this;
        }

        /**
         * How long to wait for a connection.
         *
         * @param connectTimeout positive
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * How long one attempt may wait for the response headers; a timeout is retried.
         *
         * @param requestTimeout positive
         * @return this builder
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
            return this;
        }

        /**
         * Attempts in all for one read or media download, the first included; 1 turns retries off.
         * Sends are tried once whatever this says; the outbox tries them again when that is safe.
         *
         * @param maxAttempts from 1 to 20
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * The ceiling of the first retry's random delay; it doubles with each retry.
         *
         * @param initialBackoff positive
         * @return this builder
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff");
            return this;
        }

        /**
         * The ceiling of any delay between attempts. A {@code Retry-After} longer than this is not
         * waited for: the call fails at once with {@link GraphApiException#retryAfter()} set.
         *
         * @param maxBackoff not below the initial backoff
         * @return this builder
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
            return this;
        }

        /**
         * The hosts media may be downloaded from (with the access token), replacing the defaults.
         * An entry with a leading dot, such as {@code .fbcdn.net}, allows every host under that
         * domain; any other entry allows exactly that host. Only https URLs are fetched.
         *
         * @param hosts at least one host name
         * @return this builder
         */
        public Builder allowedMediaHosts(Collection<String> hosts) {
            this.mediaHosts = List.copyOf(Objects.requireNonNull(hosts, "hosts"));
            return this;
        }

        /**
         * <b>For tests only.</b> Also allows media downloads from {@code http://127.0.0.1} on any
         * port, so a loopback stand-in can serve media. Off by default; never turn it on in
         * production, since it sends the access token over plain http.
         *
         * @param allow true to allow loopback http media URLs
         * @return this builder
         */
        public Builder allowInsecureLoopbackForTests(boolean allow) {
            this.insecureLoopback = allow;
            return this;
        }

        /**
         * The clock that says now, to read {@code Retry-After} dates.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * What waits between attempts; tests pass a recording sleeper.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Validates the settings and builds an immutable, thread-safe client.
         *
         * @return the client
         * @throws IllegalStateException naming the setting that is out of range
         */
        public GraphClient build() {
            URI checkedBaseUrl;
            try {
                checkedBaseUrl = GraphClientConfig.checkBaseUrl(baseUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            require(apiVersion.matches("v\\d+\\.\\d+"), "apiVersion must look like v23.0; got '" + apiVersion + "'");
            requirePositive(connectTimeout, "connectTimeout");
            requirePositive(requestTimeout, "requestTimeout");
            require(maxAttempts >= 1 && maxAttempts <= 20, "maxAttempts must be from 1 to 20; got " + maxAttempts);
            requirePositive(initialBackoff, "initialBackoff");
            require(maxBackoff.compareTo(initialBackoff) >= 0, "maxBackoff must not be below initialBackoff");
            require(!mediaHosts.isEmpty(), "allowedMediaHosts must name at least one host");
            for (String host : mediaHosts) {
                require(host.matches("\\.?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*"),
                        "allowedMediaHosts entries must be host names such as .fbcdn.net; got '" + host + "'");
            }
            return new JdkGraphClient(new GraphClientConfig(checkedBaseUrl, apiVersion, connectTimeout, requestTimeout,
                    maxAttempts, initialBackoff, maxBackoff, mediaHosts, insecureLoopback, clock, sleeper));
        }

        private static void requirePositive(Duration value, String setting) {
            require(!value.isNegative() && !value.isZero(), setting + " must be positive; got " + value);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalStateException(message);
            }
        }
    }
}
