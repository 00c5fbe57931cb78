package dev.conversa.internal.json;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Strict reading and writing of single fields of the codec's JSON: a missing or mistyped field
 * fails with an {@link IllegalArgumentException} naming the field, never the value.
 */
final class JsonFields {

    private JsonFields() {}

    static ObjectNode object(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw invalid(field, "an object");
        }
        return (ObjectNode) node;
    }

    static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isString()) {
            throw invalid(field, "a string");
        }
        return node.stringValue();
    }

    static Optional<String> optionalText(JsonNode parent, String field) {
        return isAbsent(parent, field) ? Optional.empty() : Optional.of(text(parent, field));
    }

    static long longValue(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw invalid(field, "a whole number");
        }
        return node.longValue();
    }

    static int intValue(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
            throw invalid(field, "a 32-bit whole number");
        }
        return node.intValue();
    }

    static Optional<Integer> optionalInt(JsonNode parent, String field) {
        return isAbsent(parent, field) ? Optional.empty() : Optional.of(intValue(parent, field));
    }

    static double doubleValue(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isNumber()) {
            throw invalid(field, "a number");
        }
        return node.doubleValue();
    }

    static boolean bool(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isBoolean()) {
            throw invalid(field, "true or false");
        }
        return node.booleanValue();
    }

    static Instant instant(JsonNode parent, String field) {
        try {
            return Instant.parse(text(parent, field));
        } catch (DateTimeParseException e) {
            throw invalid(field, "an ISO-8601 instant");
        }
    }

    static Optional<Instant> optionalInstant(JsonNode parent, String field) {
        return isAbsent(parent, field) ? Optional.empty() : Optional.of(instant(parent, field));
    }

    static <E extends Enum<E>> E enumValue(JsonNode parent, String field, Class<E> type) {
        String name = text(parent, field);
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + field + "' holds an unknown " + type.getSimpleName()
                    + " '" + name + "'", e);
        }
    }

    static <T> List<T> list(JsonNode parent, String field, Function<JsonNode, T> reader) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isArray()) {
            throw invalid(field, "an array");
        }
        List<T> values = new ArrayList<>(node.size());
        for (JsonNode element : node.values()) {
            values.add(reader.apply(element));
        }
        return values;
    }

    static List<String> texts(JsonNode parent, String field) {
        return list(parent, field, element -> {
            if (!element.isString()) {
                throw invalid(field, "an array of strings");
            }
            return element.stringValue();
        });
    }

    static Map<String, String> map(JsonNode parent, String field) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object(parent, field).properties()) {
            if (!entry.getValue().isString()) {
                throw invalid(field, "an object of strings");
            }
            values.put(entry.getKey(), entry.getValue().stringValue());
        }
        return values;
    }

    static void putOptional(ObjectNode target, String field, Optional<String> value) {
        value.ifPresent(v -> target.put(field, v));
    }

    static void putMap(ObjectNode target, String field, Map<String, String> values) {
        ObjectNode node = target.putObject(field);
        values.forEach(node::put);
    }

    static void putTexts(ObjectNode target, String field, List<String> values) {
        ArrayNode array = target.putArray(field);
        values.forEach(array::add);
    }

    static <T> void putList(ObjectNode target, String field, List<T> values, Function<T, JsonNode> writer) {
        ArrayNode array = target.putArray(field);
        values.forEach(v -> array.add(writer.apply(v)));
    }

    private static boolean isAbsent(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull();
    }

    private static IllegalArgumentException invalid(String field, String expected) {
        return new IllegalArgumentException("field '" + field + "' is missing or not " + expected);
    }
}
