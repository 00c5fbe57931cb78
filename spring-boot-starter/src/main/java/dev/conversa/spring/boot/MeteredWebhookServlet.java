package dev.conversa.spring.boot;

import dev.conversa.servlet.ConversaWebhookServlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/** Serves the webhook through {@link ConversaWebhookServlet} and tells {@link WebhookOutcomes} the status it answered. */
final class MeteredWebhookServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ConversaWebhookServlet webhook;
    private final transient WebhookOutcomes outcomes;

    MeteredWebhookServlet(ConversaWebhookServlet webhook, WebhookOutcomes outcomes) {
        this.webhook = Objects.requireNonNull(webhook, "webhook");
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        webhook.init(config);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        webhook.service(req, resp);
        outcomes.answered(resp.getStatus());
    }
}
