package dev.conversa.webhook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP call to the webhook URL, as the host's server received it: the method, the decoded
 * query parameters, the headers and the raw body bytes, untouched (the signature is computed
 * over these exact bytes, so never re-encode a parsed body).
 *
 * <p>Header names are looked up without regard to case. {@link #toString()} shows the method,
 * the names of headers and parameters and the body's length, never a value or the body.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * WebhookRequest request = WebhookRequest.builder()
 *     .method(servletRequest.getMethod())
 *     .header("X-Hub-Signature-256", servletRequest.getHeader("X-Hub-Signature-256"))
 *     .body(servletRequest.getInputStream().readAllBytes())
 *     .build();
 * }</pre>
 */
public final class WebhookRequest {

    private final String method;
    private final Map<String, String> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    private WebhookRequest(Builder builder, String method) {
        this.method = method;
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(builder.query));
        Map<String, List<String>> copy = new LinkedHashMap<>();
        builder.headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = builder.body.clone();
    }

    /**
     * Starts a request; the method defaults to {@code POST} and the body to no bytes.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this request's method, query parameters, headers and body, to build one
     * that differs in some of them; this request is left as it is.
     *
     * @return a new builder with this request's content
     */
    public Builder toBuilder() {
        Builder builder = new Builder().method(method).queryParameters(query).body(body);
        headers.forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        return builder;
    }

    /**
     * The HTTP method, in upper case.
     *
     * @return the method, such as {@code "POST"}
     */
    public String method() {
        return method;
    }

    /**
     * A decoded query parameter, such as {@code hub.verify_token}.
     *
     * @param name the parameter's exact name
     * @return its value, when present
     */
    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /**
     * The first value of a header, looked up without regard to case.
     *
     * @param name the header's name
     * @return its first value, when present
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * Every value of a header, looked up without regard to case.
     *
     * @param name the header's name
     * @return its values, empty when absent
     */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /**
     * A copy of the raw body bytes.
     *
     * @return the bytes, empty when there was no body
     */
    public byte[] body() {
        return body.clone();
    }

    /** The body without a copy, for the handler, which never modifies it. */
    byte[] rawBody() {
        return body;
    }

    /** Shows the method and the names only: values may hold tokens and the body personal data. */
    @Override
    public String toString() {
        return "WebhookRequest[" + method + ", query=" + query.keySet() + ", headers=" + headers.keySet()
                + ", " + body.length + " bytes]";
    }

    /**
     * Builds a {@link WebhookRequest}. Not thread-safe; build once per call.
     */
    public static final class Builder {

        private String method = "POST";
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private byte[] body = new byte[0];

        private Builder() {
        }

        /**
         * Sets the HTTP method; {@link #build()} refuses a blank one.
         *
         * @param method the method, in any case
         * @return this builder
         */
        public Builder method(String method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /**
         * Sets a decoded query parameter, replacing an earlier value of the same name.
         *
         * @param name the name, such as {@code hub.mode}
         * @param value the decoded value
         * @return this builder
         */
        public Builder queryParameter(String name, String value) {
            query.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets the query parameters of a raw, still URL-encoded query string such as
         * {@code hub.mode=subscribe&hub.challenge=123}, as a web server hands it over.
         *
         * @param rawQuery the query string without {@code ?}; null or empty adds nothing
         * @return this builder
         */
        public Builder rawQuery(String rawQuery) {
            if (rawQuery == null || rawQuery.isEmpty()) {
                return this;
            }
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                if (!name.isEmpty()) {
                    queryParameter(decode(name), decode(value));
                }
            }
            return this;
        }

        private static String decode(String part) {
            return java.net.URLDecoder.decode(part, java.nio.charset.StandardCharsets.UTF_8);
        }

        /**
         * Sets several decoded query parameters.
         *
         * @param parameters the parameters by name
         * @return this builder
         */
        public Builder queryParameters(Map<String, String> parameters) {
            parameters.forEach(this::queryParameter);
            return this;
        }

        /**
         * Adds a header value; a null value (a header the server did not receive) is ignored.
         *
         * @param name the name, in any case
         * @param value the value, or null
         * @return this builder
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name");
            if (value != null) {
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>()).add(value);
            }
            return this;
        }

        /**
         * Adds every value of several headers.
         *
         * @param multiValued the headers by name, each with its values
         * @return this builder
         */
        public Builder headers(Map<String, ? extends List<String>> multiValued) {
            multiValued.forEach((name, values) -> values.forEach(value -> header(name, value)));
            return this;
        }

        /**
         * Sets the raw body; the bytes are copied when the request is built.
         *
         * @param body the bytes exactly as received
         * @return this builder
         */
        public Builder body(byte[] body) {
            this.body = Objects.requireNonNull(body, "body");
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the immutable request
         * @throws IllegalStateException if the method is blank
         */
        public WebhookRequest build() {
            if (method.isBlank()) {
                throw new IllegalStateException("method must not be blank: call WebhookRequest.builder().method(\"POST\")");
            }
            return new WebhookRequest(this, method.trim().toUpperCase(Locale.ROOT));
        }
    }
}
