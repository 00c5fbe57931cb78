package dev.conversa.examples.servlet;

import dev.conversa.webhook.WebhookHandler;
import dev.conversa.webhook.WebhookRequest;
import dev.conversa.webhook.WebhookResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Objects;

/**
 * Serves Conversa's webhook from any Jakarta Servlet container: translates the servlet request
 * into a {@link WebhookRequest} and the {@link WebhookResponse} back, nothing more. Map it to
 * the callback URL configured in Meta's App Dashboard, for both GET and POST.
 *
 * <pre>{@code
 * context.addServlet(new ServletHolder(new ConversaWebhookServlet(conversa.webhooks())), "/webhook");
 * }</pre>
 */
public final class ConversaWebhookServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient WebhookHandler webhooks;

    /**
     * Creates the servlet.
     *
     * @param webhooks the handler from {@code Conversa.webhooks()}; the body is read up to one
     *     byte past its limit
     */
    public ConversaWebhookServlet(WebhookHandler webhooks) {
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        WebhookRequest.Builder request = WebhookRequest.builder()
                .method(req.getMethod())
                .body(req.getInputStream().readNBytes(webhooks.maxBodyBytes() + 1));
        for (String name : Collections.list(req.getHeaderNames())) {
            for (String value : Collections.list(req.getHeaders(name))) {
                request.header(name, value);
            }
        }
        // the raw query string, not getParameter(), which would consume a form-encoded body
        request.rawQuery(req.getQueryString());
        WebhookResponse response = webhooks.handle(request.build());
        resp.setStatus(response.status());
        if (!response.contentType().isEmpty()) {
            resp.setContentType(response.contentType());
        }
        resp.getOutputStream().write(response.body());
    }
}
