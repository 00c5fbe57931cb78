package dev.conversa.examples.quickstart;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON in and out of the JDK HTTP server, for the quick start's small API. */
final class HttpJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final int MAX_REQUEST_BYTES = 64 * 1024;

    private HttpJson() {}

    static void send(HttpExchange exchange, int status, Object value) throws IOException {
        write(exchange, status, MAPPER.writeValueAsBytes(value));
    }

    /** Sends a JSON document that is already text. */
    static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        write(exchange, status, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static void error(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, Map.of("error", message));
    }

    static JsonNode read(HttpExchange exchange) throws IOException {
        return MAPPER.readTree(exchange.getRequestBody().readNBytes(MAX_REQUEST_BYTES));
    }

    static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }
}
