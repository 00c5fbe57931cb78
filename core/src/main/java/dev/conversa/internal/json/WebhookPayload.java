package dev.conversa.internal.json;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A webhook body, verified and parsed once by core, handed to channel adapters.
 *
 * <p><b>Internal:</b> this type exposes Jackson and is not part of the public API; it may change
 * in any release. A third-party channel may instead parse {@link #rawBody()} itself.
 */
public final class WebhookPayload {

    private final JsonNode root;
    private final byte[] rawBody;

    /**
     * Wraps a parsed body.
     *
     * @param root the parsed JSON tree
     * @param rawBody the bytes it was parsed from
     */
    public WebhookPayload(JsonNode root, byte[] rawBody) {
        this.root = Objects.requireNonNull(root, "root");
        this.rawBody = Objects.requireNonNull(rawBody, "rawBody");
    }

    /**
     * The parsed tree.
     *
     * @return the root node
     */
    public JsonNode root() {
        return root;
    }

    /**
     * The raw bytes of the body. Do not modify.
     *
     * @return the bytes
     */
    public byte[] rawBody() {
        return rawBody;
    }

    /**
     * The top-level {@code "object"} field.
     *
     * @return its text, or an empty string when absent
     */
    public String object() {
        JsonNode object = root.get("object");
        return object == null || !object.isString() ? "" : object.asString();
    }

    @Override
    public String toString() {
        return "WebhookPayload[object=" + object() + ", " + rawBody.length + " bytes]";
    }
}
