package dev.conversa.jdbc.internal;

import dev.conversa.lang.ConversaException;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Maps of strings (account settings, audit details) as JSON text columns. */
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
}
