package dev.conversa.examples.quickstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Serves the demo page at {@code /}, or a short status text in live mode. */
final class StaticPage implements HttpHandler {

    private final byte[] page;

    StaticPage(boolean demo) throws IOException {
        if (demo) {
            try (InputStream in = StaticPage.class.getResourceAsStream("/quickstart/index.html")) {
                page = in.readAllBytes();
            }
        } else {
            page = "Conversa is running. Webhook: /webhook. API: /api/conversations.\n".getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"/".equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            boolean html = page.length > 0 && page[0] == '<';
            exchange.getResponseHeaders().set("Content-Type", (html ? "text/html" : "text/plain") + "; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        }
    }
}
