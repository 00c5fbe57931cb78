package dev.conversa.channel;

import dev.conversa.internal.json.MalformedJsonException;
import dev.conversa.internal.json.WebhookJson;
import dev.conversa.internal.json.WebhookTrees;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A webhook body that core verified (the signature over these exact bytes) and parsed once,
 * handed to {@link ChannelAdapter#normalize}: the raw bytes and the top-level {@code "object"}
 * field. The bytes are never copied on the way in; {@link #body()} and {@link #bodyStream()} give
 * read-only views of them, so reading them costs no copy either.
 *
 * <p>A channel reads the body with the JSON library of its choice. The channels that ship with
 * Conversa read the tree core already parsed, through an internal accessor that is not API, so
 * the body is parsed once per request.
 *
 * <p>{@link #toString()} shows the object and the size, never the body. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * public List<InboundEvent> normalize(WebhookPayload payload) {
 *     MyWebhook webhook = myJson.readValue(payload.bodyStream(), MyWebhook.class);
 *     ...
 * }
 * }</pre>
 */
public final class WebhookPayload {

    /** The size limit of {@link #of(byte[])}: 1 MiB, the webhook handler's default. */
    private static final WebhookJson JSON = WebhookJson.create(1024 * 1024);

    static {
        WebhookTrees.install(new WebhookTrees.Access() {
            @Override
            public WebhookPayload payload(byte[] body, JsonNode root) {
                return new WebhookPayload(body, root);
            }

            @Override
            public JsonNode root(WebhookPayload payload) {
                return payload.root;
            }
        });
    }

    private final byte[] body;
    private final JsonNode root;
    private final String object;

    private WebhookPayload(byte[] body, JsonNode root) {
        this.body = Objects.requireNonNull(body, "body");
        this.root = Objects.requireNonNull(root, "root");
        JsonNode field = root.get("object");
        this.object = field == null || !field.isString() ? "" : field.asString();
    }

    /**
     * Parses a body as core does before it calls an adapter (the tests of a channel use this),
     * with the same limits on nesting, string and number lengths, duplicate names and a size
     * of 1 MiB. The bytes are copied, so the caller may reuse its array.
     *
     * @param body the raw body
     * @return the payload
     * @throws IllegalArgumentException if the body is not one JSON object within the limits; the
     *     message says what and where, never the content
     */
    public static WebhookPayload of(byte[] body) {
        Objects.requireNonNull(body, "body");
        try {
            return JSON.parse(body.clone());
        } catch (MalformedJsonException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /**
     * The top-level {@code "object"} field, which names the kind of account the webhook is for,
     * such as {@code "whatsapp_business_account"}, {@code "page"} or {@code "instagram"}.
     *
     * @return its text, or an empty string when absent or not a string
     */
    public String object() {
        return object;
    }

    /**
     * The raw body bytes, as a read-only buffer over them (no copy). Each call returns a new
     * buffer positioned at the start, so readers do not disturb each other.
     *
     * @return the body, UTF-8 JSON
     */
    public ByteBuffer body() {
        return ByteBuffer.wrap(body).asReadOnlyBuffer();
    }

    /**
     * The raw body bytes as a stream over them (no copy); each call returns a new stream.
     *
     * @return the body, UTF-8 JSON
     */
    public InputStream bodyStream() {
        return new ByteArrayInputStream(body);
    }

    /**
     * The size of the body.
     *
     * @return its length in bytes
     */
    public int size() {
        return body.length;
    }

    /** Shows the object and the size only: the body holds personal data. */
    @Override
    public String toString() {
        return "WebhookPayload[object=" + object + ", " + body.length + " bytes]";
    }
}
