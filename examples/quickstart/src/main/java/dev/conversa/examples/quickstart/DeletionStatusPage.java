package dev.conversa.examples.quickstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.conversa.DataDeletions;
import dev.conversa.model.TenantId;
import dev.conversa.store.DeletionRequest;
import dev.conversa.store.DeletionStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The status page of Meta's data deletion requests, {@code GET /meta/deletion-status?code=<code>}:
 * the link the data deletion callback gives Meta, which Meta shows to the person who asked. It
 * shows the confirmation code, the status, when the request was received and last changed, and
 * once {@code DONE} how many items of each kind were removed; never the request's subject (the
 * app-scoped user id) nor anything else that names anyone.
 *
 * <p>Not behind the API token (the person opens it from Facebook): the random confirmation code
 * is the key. An unknown or malformed code gets 404 and is not echoed. The page is not cached,
 * sends no referrer and loads nothing. Immutable and thread-safe.
 */
final class DeletionStatusPage implements HttpHandler {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{8,64}");

    private final DataDeletions deletions;
    private final TenantId tenant;

    DeletionStatusPage(DataDeletions deletions, TenantId tenant) {
        this.deletions = deletions;
        this.tenant = tenant;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                send(exchange, 405, page("Data deletion request", "<p>GET only.</p>"));
                return;
            }
            String code = HttpJson.query(exchange).getOrDefault("code", "");
            Optional<DeletionRequest> request = CODE.matcher(code).matches()
                    ? deletions.status(tenant, code) : Optional.empty();
            if (request.isEmpty()) {
                send(exchange, 404, page("Data deletion request",
                        "<p>There is no data deletion request with this confirmation code.</p>"));
                return;
            }
            send(exchange, 200, page("Data deletion request " + code, body(request.get())));
        }
    }

    private static String body(DeletionRequest request) {
        StringBuilder html = new StringBuilder()
                .append("<p>Confirmation code: <code>").append(escape(request.confirmationCode())).append("</code></p>\n")
                .append("<p>Status: <strong>").append(request.status().name()).append("</strong> ")
                .append(explanation(request.status())).append("</p>\n")
                .append("<p>Received: ").append(request.requestedAt()).append("<br>Last change: ")
                .append(request.updatedAt()).append("</p>\n");
        if (request.status() == DeletionStatus.DONE && !request.counts().isEmpty()) {
            html.append("<p>Removed:</p>\n<ul>\n");
            request.counts().forEach((kind, count) -> html.append("<li>").append(escape(kind)).append(": ")
                    .append(count).append("</li>\n"));
            html.append("</ul>\n");
        }
        return html.toString();
    }

    private static String explanation(DeletionStatus status) {
        return switch (status) {
            case RECEIVED -> "(received; the data is deleted within 30 days)";
            case IN_PROGRESS -> "(the deletion is under way)";
            case DONE -> "(the data has been deleted)";
            case FAILED -> "(the deletion did not complete; the business has been told)";
        };
    }

    private static String page(String title, String body) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head>\n<body>\n<h1>" + escape(title) + "</h1>\n" + body + "</body></html>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void send(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
