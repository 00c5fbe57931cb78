package dev.conversa.graph;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful answer of the Graph API (status 2xx).
 *
 * @param status the HTTP status
 * @param body the body as text, usually JSON
 * @param headers the headers, names in lower case
 */
public record GraphResponse(int status, String body, Map<String, List<String>> headers) {

    /** Checks the fields and copies the map. */
    public GraphResponse {
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, any case
     * @return its first value, when present
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Leaves out the body. */
    @Override
    public String toString() {
        return "GraphResponse[" + status + ", " + body.length() + " chars]";
    }
}
