package dev.conversa.examples.servlet;

import dev.conversa.webhook.WebhookHandler;
import dev.conversa.webhook.WebhookRequest;
import dev.conversa.webhook.WebhookResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Objects;

/**
 * Serves Conversa's webhook from any Jakarta Servlet container: translates the servlet request
 * into a {@link WebhookRequest} and the {@link WebhookResponse} back, nothing more. Map it to
 * the callback URL configured in Meta's App Dashboard, for both GET and POST.
 *
 * <pre>{@code
 * context.addServlet(new ServletHolder(new ConversaWebhookServlet(conversa.webhooks(), 1 << 20)), "/webhook");
 * }</pre>
 */
public final class ConversaWebhookServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient WebhookHandler webhooks;
    private final int maxBodyBytes;

    /**
     * Creates the servlet.
     *
     * @param webhooks the handler from {@code Conversa.webhooks()}
     * @param maxBodyBytes the handler's body limit; the body is read up to one byte more
     */
    public ConversaWebhookServlet(WebhookHandler webhooks, int maxBodyBytes) {
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        WebhookRequest.Builder request = WebhookRequest.builder()
                .method(req.getMethod())
                .body(req.getInputStream().readNBytes(maxBodyBytes + 1));
        for (String name : Collections.list(req.getHeaderNames())) {
            for (String value : Collections.list(req.getHeaders(name))) {
                request.header(name, value);
            }
        }
        addQuery(request, req.getQueryString());
        WebhookResponse response = webhooks.handle(request.build());
        resp.setStatus(response.status());
        if (!response.contentType().isEmpty()) {
            resp.setContentType(response.contentType());
        }
        resp.getOutputStream().write(response.body());
    }

    // The query string is parsed by hand: getParameter() would consume a form-encoded body
    // before the signature over the raw bytes is checked.
    private static void addQuery(WebhookRequest.Builder request, String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            request.queryParameter(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
    }
}
