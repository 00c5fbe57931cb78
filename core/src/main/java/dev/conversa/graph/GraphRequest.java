package dev.conversa.graph;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One call to the Graph API, relative to the client's base URL and API version.
 *
 * @param method {@code GET}, {@code POST} or {@code DELETE}
 * @param path the path after the version, starting with {@code /}, such as
 *     {@code /1234567890/messages}
 * @param query query parameters (never the access token: it travels in a header)
 * @param body the request body, empty for none
 * @param contentType the body's content type, empty when there is no body
 */
public record GraphRequest(String method, String path, Map<String, String> query, byte[] body, String contentType) {

    /** Checks the fields and copies the map. */
    public GraphRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        query = Map.copyOf(query);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
    }

    /**
     * A GET.
     *
     * @param path the path after the version
     * @param query the query parameters
     * @return the request
     */
    public static GraphRequest get(String path, Map<String, String> query) {
        return new GraphRequest("GET", path, query, new byte[0], "");
    }

    /**
     * A POST of a JSON body.
     *
     * @param path the path after the version
     * @param json the JSON text
     * @return the request
     */
    public static GraphRequest postJson(String path, String json) {
        return new GraphRequest("POST", path, Map.of(), json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    /**
     * A DELETE.
     *
     * @param path the path after the version
     * @param query the query parameters
     * @return the request
     */
    public static GraphRequest delete(String path, Map<String, String> query) {
        return new GraphRequest("DELETE", path, query, new byte[0], "");
    }

    /**
     * A multipart/form-data POST, for media uploads.
     *
     * @param path the path after the version
     * @param parts the parts, in order
     * @return the request
     */
    public static GraphRequest multipart(String path, List<MultipartPart> parts) {
        return MultipartPart.encode(path, parts);
    }

    /** Leaves out the body, which may hold message text. */
    @Override
    public String toString() {
        return "GraphRequest[" + method + " " + path + ", " + body.length + " bytes]";
    }
}
