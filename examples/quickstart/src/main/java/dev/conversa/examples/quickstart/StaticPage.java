package dev.conversa.examples.quickstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Serves the demo page at {@code /}. Mounted in demo mode only: with connected accounts there is
 * no page, so nothing at {@code /} can show a customer's data.
 */
final class StaticPage implements HttpHandler {

    private final byte[] page;

    StaticPage() throws IOException {
        try (InputStream in = StaticPage.class.getResourceAsStream("/quickstart/index.html")) {
            page = in.readAllBytes();
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"/".equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        }
    }
}
