package dev.conversa.openai.internal;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of this module; the JSON chores around tools are core's {@code ToolJson}. */
public final class WireJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private WireJson() {}

    /**
     * The mapper: thread-safe, ignores unknown fields.
     *
     * @return the mapper
     */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
