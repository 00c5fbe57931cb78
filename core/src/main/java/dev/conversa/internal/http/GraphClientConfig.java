package dev.conversa.internal.http;

import dev.conversa.time.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The validated settings of a Graph API client, handed from {@code GraphClient.Builder} to
 * {@link JdkGraphClient}.
 *
 * <p><b>Internal:</b> not API; build clients with {@code GraphClient.builder()}.
 *
 * @param baseUrl the base URL without a trailing slash
 * @param apiVersion the version path segment, such as {@code v23.0}
 * @param connectTimeout the connect timeout
 * @param requestTimeout the timeout of one attempt, until the response headers arrive
 * @param maxAttempts attempts in all, at least 1
 * @param initialBackoff the ceiling of the first retry's delay
 * @param maxBackoff the ceiling of any delay
 * @param mediaHosts allowed media hosts: entries starting with a dot are suffixes, others exact
 * @param insecureLoopback whether {@code http://127.0.0.1} media URLs are allowed (tests only)
 * @param clock the clock that says now
 * @param sleeper waits between retries
 */
public record GraphClientConfig(URI baseUrl, String apiVersion, Duration connectTimeout, Duration requestTimeout,
        int maxAttempts, Duration initialBackoff, Duration maxBackoff, List<String> mediaHosts,
        boolean insecureLoopback, Clock clock, Sleeper sleeper) {

    /** Checks the fields are not null and copies the list. */
    public GraphClientConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        mediaHosts = List.copyOf(mediaHosts);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Checks a base URL and removes a trailing slash.
     *
     * @param baseUrl an absolute http or https URL without query or fragment
     * @return the URL without a trailing slash
     * @throws IllegalArgumentException naming {@code baseUrl} if it is not such a URL
     */
    public static URI checkBaseUrl(URI baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme();
        boolean web = "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
        if (!web || baseUrl.getHost() == null || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL with a host and without"
                    + " query or fragment, such as https://graph.facebook.com; got " + baseUrl);
        }
        String text = baseUrl.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : baseUrl;
    }

    /**
     * A copy on another base URL.
     *
     * @param otherBaseUrl the base URL without a trailing slash
     * @return the copy
     */
    public GraphClientConfig withBaseUrl(URI otherBaseUrl) {
        return new GraphClientConfig(otherBaseUrl, apiVersion, connectTimeout, requestTimeout, maxAttempts,
                initialBackoff, maxBackoff, mediaHosts, insecureLoopback, clock, sleeper);
    }
}
