package dev.conversa.whatsapp.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/** Lenient reads of Meta's JSON: a missing or oddly typed field is absent, never an exception. */
final class Nodes {

    private Nodes() {}

    /** A scalar field as text: strings as they are, numbers and booleans printed. */
    static Optional<String> text(JsonNode node, String field) {
        JsonNode child = node == null ? null : node.get(field);
        if (child == null || child.isNull() || child.isContainer()) {
            return Optional.empty();
        }
        return Optional.of(child.isString() ? child.stringValue() : child.asString());
    }

    /** A non-blank scalar field as text. */
    static Optional<String> nonBlank(JsonNode node, String field) {
        return text(node, field).filter(s -> !s.isBlank());
    }

    /** A field that must be present and not blank. */
    static String required(JsonNode node, String field) {
        return nonBlank(node, field).orElseThrow(() -> new MalformedException("missing '" + field + "'"));
    }

    /** An object field, or null when absent or not an object. */
    static JsonNode object(JsonNode node, String field) {
        JsonNode child = node == null ? null : node.get(field);
        return child != null && child.isObject() ? child : null;
    }

    /** The elements of an array field; empty when absent or not an array. */
    static List<JsonNode> array(JsonNode node, String field) {
        JsonNode child = node == null ? null : node.get(field);
        if (child == null || !child.isArray()) {
            return List.of();
        }
        return StreamSupport.stream(child.spliterator(), false).toList();
    }

    /** A boolean field; false when absent. */
    static boolean flag(JsonNode node, String field) {
        JsonNode child = node == null ? null : node.get(field);
        if (child == null) {
            return false;
        }
        return child.isBoolean() ? child.booleanValue() : child.isString() && "true".equals(child.stringValue());
    }

    /** A unix-seconds timestamp, sent as a string or a number. */
    static Optional<Instant> seconds(JsonNode node, String field) {
        return text(node, field).flatMap(s -> {
            try {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(s.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Every scalar leaf below {@code node}, by dotted path under {@code prefix}, in document
     * order; arrays are indexed.
     */
    static Map<String, String> flatten(String prefix, JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        flattenInto(prefix, node, out);
        return out;
    }

    private static void flattenInto(String prefix, JsonNode node, Map<String, String> out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                flattenInto(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flattenInto(prefix + "." + i, node.get(i), out);
            }
        } else {
            out.put(prefix, node.isString() ? node.stringValue() : node.asString());
        }
    }

    /** A stable short id for content that carries none: the SHA-256 of its JSON, in hex. */
    static String digest(JsonNode node) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(node.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
