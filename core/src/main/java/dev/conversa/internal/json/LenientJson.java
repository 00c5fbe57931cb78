package dev.conversa.internal.json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Lenient reads of Meta's webhook JSON, shared by the channel modules: a missing, null or oddly
 * typed field is absent, never an exception (except {@link #required}). Every method accepts a
 * {@code null} or missing node and treats it as an empty object. {@link JsonFields} is its strict
 * counterpart, for the JSON Conversa writes itself.
 *
 * <p><b>Internal:</b> not part of the public API. Stateless and thread-safe.
 */
public final class LenientJson {

    /** 9999-12-31T23:59:59Z: the latest time read from a timestamp. */
    private static final long LATEST_SECOND = 253_402_300_799L;

    private static final int DIGEST_BYTES = 16;

    private LenientJson() {}

    /**
     * A scalar field as text: strings as they are (the empty string included), numbers and
     * booleans printed (Meta sends ids as either strings or numbers).
     *
     * @return the text; empty when the field is absent, null, an object or an array
     */
    public static Optional<String> text(JsonNode node, String field) {
        return Optional.ofNullable(textOrNull(node, field));
    }

    /**
     * A scalar field as text, when it is not the empty string.
     *
     * @return the text; empty as for {@link #text}, and for {@code ""}
     */
    public static Optional<String> nonEmpty(JsonNode node, String field) {
        String text = textOrNull(node, field);
        return text == null || text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /**
     * A scalar field as text, when it is not blank.
     *
     * @return the text; empty as for {@link #text}, and for blank text
     */
    public static Optional<String> nonBlank(JsonNode node, String field) {
        String text = textOrNull(node, field);
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    /**
     * A scalar field that must be present and not blank.
     *
     * @return the text
     * @throws IllegalArgumentException naming the field if it is absent or blank
     */
    public static String required(JsonNode node, String field) {
        // no Optional and no lambda: read for every id of every event
        String text = textOrNull(node, field);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("missing '" + field + "'");
        }
        return text;
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode child = child(node, field);
        if (child == null || child.isNull() || child.isContainer() || child.isMissingNode()) {
            return null;
        }
        return child.isString() ? child.stringValue() : child.asString();
    }

    /**
     * An object field.
     *
     * @return the object, or {@code null} when absent or not an object
     */
    public static JsonNode object(JsonNode node, String field) {
        JsonNode child = child(node, field);
        return child != null && child.isObject() ? child : null;
    }

    /**
     * The elements of an array field.
     *
     * @return the elements; empty when absent or not an array
     */
    public static List<JsonNode> array(JsonNode node, String field) {
        JsonNode child = child(node, field);
        if (child == null || !child.isArray()) {
            return List.of();
        }
        return List.copyOf(child.values());
    }

    /**
     * A boolean field, sent as a boolean or as the string {@code "true"}.
     *
     * @return whether it is true; false when absent or anything else
     */
    public static boolean flag(JsonNode node, String field) {
        JsonNode child = child(node, field);
        if (child == null) {
            return false;
        }
        return child.isBoolean() ? child.booleanValue() : child.isString() && "true".equals(child.stringValue());
    }

    /**
     * A Unix timestamp in seconds, sent as a number or a string of digits.
     *
     * @return the instant; empty when absent, not a whole number (negative ones included) or
     *     after the year 9999, past which a database's timestamp column may not hold it (found by
     *     the webhook fuzz test: a timestamp of 18 digits made {@link Instant#ofEpochSecond(long)}
     *     throw {@code DateTimeException}, answered 500; one within an {@link Instant}'s range but
     *     past PostgreSQL's would have failed the insert, answered 500 on every redelivery)
     */
    public static Optional<Instant> seconds(JsonNode node, String field) {
        long second = epoch(node, field);
        return second >= 0 && second <= LATEST_SECOND ? Optional.of(Instant.ofEpochSecond(second)) : Optional.empty();
    }

    /**
     * A Unix timestamp in milliseconds, sent as a number or a string of digits.
     *
     * @return the instant; empty when absent, not a whole number or after the year 9999 (as
     *     {@link #seconds})
     */
    public static Optional<Instant> millis(JsonNode node, String field) {
        long milli = epoch(node, field);
        return milli >= 0 && milli / 1_000 <= LATEST_SECOND ? Optional.of(Instant.ofEpochMilli(milli))
                : Optional.empty();
    }

    /**
     * Every scalar leaf below {@code node}, by dotted path under {@code prefix}, in document
     * order; arrays are indexed, nulls left out.
     *
     * @return the leaves as text, in a new mutable map
     */
    public static Map<String, String> flatten(String prefix, JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        flattenInto(prefix, node, out);
        return out;
    }

    /**
     * Puts every scalar leaf below {@code node} into {@code out}, as {@link #flatten} returns
     * them, without a map of their own.
     *
     * @param out where to put them
     */
    public static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        flattenInto(prefix, node, out);
    }

    /**
     * A stable short id for content that carries none: the first 16 bytes of the SHA-256 of its
     * JSON, in hex (32 characters).
     *
     * @return the digest
     */
    public static String digest(JsonNode node) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(node.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, DIGEST_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static JsonNode child(JsonNode node, String field) {
        return node == null ? null : node.get(field);
    }

    /**
     * A whole number of at least 0 that fits a long: a JSON integer as it is (Messenger's times
     * are numbers), or text of 1 to 19 ASCII digits, blanks around ignored (no regular
     * expression: this runs per event); -1 for anything else.
     */
    private static long epoch(JsonNode node, String field) {
        JsonNode child = child(node, field);
        if (child == null || child.isNull() || child.isContainer() || child.isMissingNode()) {
            return -1;
        }
        if (child.isIntegralNumber()) {
            return child.canConvertToLong() ? Math.max(-1, child.longValue()) : -1;
        }
        String text = (child.isString() ? child.stringValue() : child.asString()).trim();
        if (text.isEmpty() || text.length() > 19) {
            return -1;
        }
        long result = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            result = result * 10 + (c - '0');
            if (result < 0) {
                return -1;
            }
        }
        return result;
    }

    private static void flattenInto(String prefix, JsonNode node, Map<String, String> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
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
}
