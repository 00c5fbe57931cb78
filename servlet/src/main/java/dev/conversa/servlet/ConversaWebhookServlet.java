package dev.conversa.servlet;

import dev.conversa.webhook.WebhookHandler;
import dev.conversa.webhook.WebhookRequest;
import dev.conversa.webhook.WebhookResponse;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves Conversa's webhook from any Jakarta Servlet 6 container: translates the servlet request
 * into a {@link WebhookRequest} and writes the {@link WebhookResponse} back, nothing more. Map it
 * to the callback URL configured in Meta's App Dashboard, for both GET and POST.
 *
 * <ul>
 *   <li>The body is read up to one byte past {@link WebhookHandler#maxBodyBytes()}, so an
 *       oversized body is never held in memory: with a {@code Content-Length} over the limit it
 *       is not read at all, without one (chunked) reading stops at the first byte too many;
 *       both are answered 413 and the connection is closed.
 *   <li>The raw query string is decoded by the handler; {@code getParameter} is never called, as
 *       it would consume a form-encoded body.
 *   <li>Nothing escapes to the container: a body that cannot be read is answered 400, any other
 *       failure 500 with a plain-text line (Meta delivers again), never an error page or a stack
 *       trace. A client that went away while the answer was written is logged at DEBUG.
 * </ul>
 *
 * <p>Thread-safe: one servlet serves every request, as the handler is immutable.
 *
 * <pre>{@code
 * // in a ServletContextListener or ServletContainerInitializer, no web.xml and no filter needed
 * ConversaWebhookServlet.mount(servletContext, "/webhook", conversa.webhooks());
 * }</pre>
 */
public final class ConversaWebhookServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ConversaWebhookServlet.class);

    /** The name {@link #mount} registers the servlet under. */
    public static final String SERVLET_NAME = "conversaWebhook";

    private final transient WebhookHandler webhooks;

    /**
     * Creates the servlet.
     *
     * @param webhooks the handler from {@code Conversa.webhooks()}
     * @throws NullPointerException if the handler is null
     */
    public ConversaWebhookServlet(WebhookHandler webhooks) {
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
    }

    /**
     * Registers a servlet for the handler under {@link #SERVLET_NAME}, mapped to one path, on a
     * context that is being initialized (from a {@code ServletContextListener} or a
     * {@code ServletContainerInitializer}).
     *
     * @param context the servlet context being initialized
     * @param path the URL pattern, such as {@code /webhook}
     * @param webhooks the handler from {@code Conversa.webhooks()}
     * @return the registration, to tune it further
     * @throws IllegalStateException if the context already has a servlet of that name or is
     *     already initialized, or the path is mapped to another servlet
     */
    public static ServletRegistration.Dynamic mount(ServletContext context, String path, WebhookHandler webhooks) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(path, "path");
        ServletRegistration.Dynamic registration = context.addServlet(SERVLET_NAME, new ConversaWebhookServlet(webhooks));
        if (registration == null) {
            throw new IllegalStateException("the servlet context already has a servlet named " + SERVLET_NAME);
        }
        if (!registration.addMapping(path).isEmpty()) {
            throw new IllegalStateException("the path " + path + " is already mapped to another servlet");
        }
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) {
        WebhookResponse response;
        try {
            response = webhooks.handle(translate(req));
        } catch (IOException e) {
            LOG.warn("Webhook request body could not be read ({}); answering 400", e.getClass().getName());
            response = WebhookResponse.text(400, "request body could not be read");
        } catch (RuntimeException e) {
            LOG.error("Webhook request failed with {}; answering 500 so Meta delivers again", e.getClass().getName());
            LOG.debug("Webhook request failed", e);
            response = WebhookResponse.text(500, "internal error; deliver again");
        }
        write(response, resp);
    }

    private WebhookRequest translate(HttpServletRequest req) throws IOException {
        WebhookRequest.Builder request = WebhookRequest.builder().method(req.getMethod());
        for (String name : Collections.list(req.getHeaderNames())) {
            for (String value : Collections.list(req.getHeaders(name))) {
                request.header(name, value);
            }
        }
        // the raw query string, not getParameter(), which would consume a form-encoded body
        request.rawQuery(req.getQueryString());
        if (req.getContentLengthLong() <= webhooks.maxBodyBytes()) {
            // without a Content-Length (chunked) the length is -1: stop one byte past the limit
            request.body(req.getInputStream().readNBytes(webhooks.maxBodyBytes() + 1));
        }
        // else: the declared length alone makes the handler answer 413, the body is never read
        return request.build();
    }

    private static void write(WebhookResponse response, HttpServletResponse resp) {
        try {
            resp.setStatus(response.status());
            if (response.status() == 413) {
                // the rest of the oversized body is unread: do not keep the connection for it
                resp.setHeader("Connection", "close");
            }
            if (!response.contentType().isEmpty()) {
                resp.setContentType(response.contentType());
            }
            byte[] body = response.body();
            resp.setContentLength(body.length);
            resp.getOutputStream().write(body);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Webhook response could not be written: the client went away", e);
        }
    }
}
