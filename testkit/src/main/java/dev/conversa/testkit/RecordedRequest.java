package dev.conversa.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request the {@link GraphStandIn} received, as it arrived.
 *
 * @param method the HTTP method, upper case
 * @param path the path, with the API version, such as {@code /v23.0/123/messages}
 * @param query the raw query string, empty when there was none
 * @param headers the headers, names in lower case
 * @param body the body decoded as UTF-8, empty when there was none
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
        String body) {

    /** Checks the fields are not null and copies the headers. */
    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, any case
     * @return its first value, when present
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The first value of a query parameter, decoded.
     *
     * @param name the parameter name
     * @return its value, when present
     */
    public Optional<String> queryParam(String name) {
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (key.equals(name)) {
                return Optional.of(equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return Optional.empty();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** Leaves out headers (the access token) and body (message text). */
    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + ", " + body.length() + " chars]";
    }
}
