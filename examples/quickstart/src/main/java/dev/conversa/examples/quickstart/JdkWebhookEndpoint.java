package dev.conversa.examples.quickstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.conversa.webhook.WebhookHandler;
import dev.conversa.webhook.WebhookRequest;
import dev.conversa.webhook.WebhookResponse;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Serves Conversa's webhook on the JDK's built-in HTTP server: translates the exchange into a
 * {@link WebhookRequest} and the {@link WebhookResponse} back, nothing more.
 *
 * <p>The body is read up to one byte past the handler's limit, so an oversized body is refused
 * with 413 by the handler without being held in memory whole.
 */
final class JdkWebhookEndpoint implements HttpHandler {

    private final WebhookHandler webhooks;

    JdkWebhookEndpoint(WebhookHandler webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            WebhookRequest.Builder request = WebhookRequest.builder()
                    .method(exchange.getRequestMethod())
                    .headers(exchange.getRequestHeaders())
                    .body(exchange.getRequestBody().readNBytes(webhooks.maxBodyBytes() + 1));
            request.rawQuery(exchange.getRequestURI().getRawQuery());
            WebhookResponse response = webhooks.handle(request.build());
            byte[] body = response.body();
            if (!response.contentType().isEmpty()) {
                exchange.getResponseHeaders().set("Content-Type", response.contentType());
            }
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
