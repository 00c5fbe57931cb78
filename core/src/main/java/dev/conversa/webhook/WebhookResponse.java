package dev.conversa.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What to answer an HTTP call to the webhook URL: a status, a content type and a body. The host
 * writes all three back unchanged.
 *
 * <p>{@link #toString()} shows the status, content type and body length, never the body (a
 * handshake challenge is echoed there).
 *
 * <p>Immutable and thread-safe.
 */
public final class WebhookResponse {

    /** The content type of every plain-text answer. */
    public static final String TEXT_PLAIN = "text/plain; charset=utf-8";

    private final int status;
    private final String contentType;
    private final byte[] body;

    private WebhookResponse(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    /**
     * A response with any body.
     *
     * @param status the HTTP status, 100 to 599
     * @param contentType the content type of the body
     * @param body the body; copied
     * @return the response
     * @throws IllegalArgumentException if the status is out of range
     */
    public static WebhookResponse of(int status, String contentType, byte[] body) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100-599: " + status);
        }
        Objects.requireNonNull(contentType, "contentType");
        return new WebhookResponse(status, contentType, Objects.requireNonNull(body, "body").clone());
    }

    /**
     * A plain-text response, encoded as UTF-8.
     *
     * @param status the HTTP status, 100 to 599
     * @param text the body
     * @return the response
     * @throws IllegalArgumentException if the status is out of range
     */
    public static WebhookResponse text(int status, String text) {
        return of(status, TEXT_PLAIN, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The HTTP status to send.
     *
     * @return the status, such as 200
     */
    public int status() {
        return status;
    }

    /**
     * The value of the {@code Content-Type} header to send.
     *
     * @return the content type
     */
    public String contentType() {
        return contentType;
    }

    /**
     * A copy of the body to send.
     *
     * @return the bytes, possibly empty
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body decoded as UTF-8, for plain-text answers and tests.
     *
     * @return the text
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Shows the status, content type and length, never the body. */
    @Override
    public String toString() {
        return "WebhookResponse[" + status + ", " + contentType + ", " + body.length + " bytes]";
    }
}
