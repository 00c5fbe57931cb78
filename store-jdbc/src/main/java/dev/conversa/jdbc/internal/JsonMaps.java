package dev.conversa.jdbc.internal;

import dev.conversa.lang.ConversaException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Maps of strings (account settings, audit details) and of counts as JSON text columns. */
final class JsonMaps {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> TYPE = new TypeReference<>() {};

    private JsonMaps() {}

    static String write(Map<String, String> map) {
        return MAPPER.writeValueAsString(map);
    }

    static Map<String, String> read(String json) {
        try {
            return Map.copyOf(MAPPER.readValue(json, TYPE));
        } catch (JacksonException e) {
            throw new ConversaException("stored map is not valid JSON");
        }
    }

    /** Counts by name, written with their values as strings. */
    static String writeCounts(Map<String, Integer> counts) {
        Map<String, String> text = new LinkedHashMap<>();
        counts.forEach((name, count) -> text.put(name, String.valueOf(count)));
        return write(text);
    }

    static Map<String, Integer> readCounts(String json) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        read(json).forEach((name, count) -> counts.put(name, Integer.valueOf(count)));
        return counts;
    }
}
