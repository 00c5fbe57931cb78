package dev.conversa.internal.json;

import dev.conversa.channel.WebhookPayload;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The way into the JSON tree that core parsed once and keeps hidden in a
 * {@link WebhookPayload}, for the channels that ship with Conversa, so they do not parse the
 * body a second time. The public payload has no Jackson type in its API; this accessor is the
 * only place where its tree is reachable.
 *
 * <p><b>Internal:</b> not part of the public API; a third-party channel reads
 * {@link WebhookPayload#body()} instead. Thread-safe.
 *
 * <pre>{@code
 * JsonNode root = WebhookTrees.root(payload);
 * }</pre>
 */
public final class WebhookTrees {

    private static volatile Access access;

    private WebhookTrees() {}

    /**
     * What {@link WebhookPayload} lends this class: creating a payload over a parsed tree, and
     * reading the tree back. Implemented once, by {@link WebhookPayload} itself.
     */
    public interface Access {

        /**
         * Wraps a parsed body, without copying it.
         *
         * @param body the raw bytes
         * @param root the tree parsed from them
         * @return the payload
         */
        WebhookPayload payload(byte[] body, JsonNode root);

        /**
         * The tree of a payload.
         *
         * @param payload the payload
         * @return its root node
         */
        JsonNode root(WebhookPayload payload);
    }

    /**
     * Called once, by {@link WebhookPayload} as its class is initialized.
     *
     * @param payloadAccess the access
     * @throws IllegalStateException if an access was installed already
     */
    public static synchronized void install(Access payloadAccess) {
        if (access != null) {
            throw new IllegalStateException("the webhook payload access is installed already");
        }
        access = Objects.requireNonNull(payloadAccess, "payloadAccess");
    }

    /**
     * The JSON tree core parsed from a payload's body.
     *
     * @param payload the payload
     * @return its root, a JSON object; do not modify it
     */
    public static JsonNode root(WebhookPayload payload) {
        return access().root(Objects.requireNonNull(payload, "payload"));
    }

    /**
     * Wraps bytes and the tree parsed from them in a payload, without copying the bytes; the
     * caller must never change them afterwards.
     *
     * @param body the raw bytes
     * @param root the tree parsed from them, a JSON object
     * @return the payload
     */
    static WebhookPayload payload(byte[] body, JsonNode root) {
        return access().payload(body, root);
    }

    private static Access access() {
        Access current = access;
        if (current == null) {
            initialize();
            current = access;
        }
        return current;
    }

    private static void initialize() {
        try {
            Class.forName(WebhookPayload.class.getName(), true, WebhookPayload.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("WebhookPayload is missing from the class path", e);
        }
    }
}
