package dev.conversa.examples.quickstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Serves the agent inbox at {@code /inbox}: one page of plain HTML, CSS and JavaScript from the
 * jar, no build step. The page holds no data; it reads {@code /api/agent/} with the API token
 * the agent signs in with (kept in the tab's session storage), or without one in demo mode.
 */
final class InboxPage implements HttpHandler {

    private final byte[] page;

    InboxPage() throws IOException {
        try (InputStream in = InboxPage.class.getResourceAsStream("/quickstart/inbox.html")) {
            page = in.readAllBytes();
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"/inbox".equals(exchange.getRequestURI().getPath()) || !"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("Content-Security-Policy",
                    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        }
    }
}
