package dev.conversa.messenger.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Small readers over Jackson trees that never throw for a missing or mistyped field. */
final class Nodes {

    private Nodes() {}

    /** A field as text: strings as they are, numbers in decimal (Meta sends app ids as either). */
    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isString() || value.isNumber()) {
            String text = value.asString();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }
        return Optional.empty();
    }

    /** A field that may be the empty string, which matters for some payloads. */
    static Optional<String> textAllowEmpty(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() || value.isNumber() ? Optional.of(value.asString()) : Optional.empty();
    }

    /** A millisecond timestamp field as an instant. */
    static Optional<Instant> millis(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNumber()) {
            return Optional.of(Instant.ofEpochMilli(value.asLong()));
        }
        if (value.isString() && value.asString().matches("\\d{1,19}")) {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(value.asString())));
        }
        return Optional.empty();
    }

    /** Whether a boolean field is true. */
    static boolean flag(JsonNode node, String field) {
        return node.path(field).asBoolean(false);
    }

    /** A short stable digest of a node's JSON, for ids of events that carry none. */
    static String digest(JsonNode node) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(node.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
