package dev.conversa.examples.quickstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.conversa.webhook.WebhookHandler;
import dev.conversa.webhook.WebhookRequest;
import dev.conversa.webhook.WebhookResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Function;

/**
 * Serves Conversa's webhook, or one of Meta's signed callbacks ({@code DataDeletionCallback},
 * {@code DeauthorizeCallback}), on the JDK's built-in HTTP server: translates the exchange into a
 * {@link WebhookRequest} and the {@link WebhookResponse} back, nothing more.
 *
 * <p>The body is read up to one byte past the handler's limit, so an oversized body is refused
 * by the handler (413 from the webhook handler, a failed verification from a callback) without
 * being held in memory whole.
 */
final class JdkWebhookEndpoint implements HttpHandler {

    /** The most a callback's form body ({@code signed_request=...}) may take; Meta's are far smaller. */
    static final int MAX_CALLBACK_BYTES = 16 * 1024;

    private final Function<WebhookRequest, WebhookResponse> handler;
    private final int maxBodyBytes;

    JdkWebhookEndpoint(WebhookHandler webhooks) {
        this(webhooks::handle, webhooks.maxBodyBytes());
    }

    JdkWebhookEndpoint(Function<WebhookRequest, WebhookResponse> handler, int maxBodyBytes) {
        this.handler = handler;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            WebhookRequest.Builder request = WebhookRequest.builder()
                    .method(exchange.getRequestMethod())
                    .headers(exchange.getRequestHeaders())
                    .body(exchange.getRequestBody().readNBytes(maxBodyBytes + 1));
            request.rawQuery(exchange.getRequestURI().getRawQuery());
            WebhookResponse response = handler.apply(request.build());
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
