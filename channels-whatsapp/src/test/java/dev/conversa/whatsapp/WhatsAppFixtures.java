package dev.conversa.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The project's WhatsApp webhook fixtures, with their times moved to now for end-to-end tests. */
final class WhatsAppFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WhatsAppFixtures() {}

    /**
     * A fixture whose entry times and item timestamps are a minute ago, inside the replay window.
     *
     * @param name the file under {@code fixtures/whatsapp}
     * @return its JSON
     */
    static String fresh(String name) {
        String text;
        try (InputStream in = WhatsAppFixtures.class.getResourceAsStream("/fixtures/whatsapp/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode root = JSON.readTree(text);
        long now = Instant.now().minusSeconds(60).getEpochSecond();
        for (JsonNode entry : root.path("entry")) {
            if (entry.has("time")) {
                ((ObjectNode) entry).put("time", now);
            }
            for (JsonNode change : entry.path("changes")) {
                for (String items : new String[] {"messages", "statuses", "user_preferences"}) {
                    for (JsonNode item : change.path("value").path(items)) {
                        if (item.has("timestamp")) {
                            ((ObjectNode) item).put("timestamp", Long.toString(now));
                        }
                    }
                }
            }
        }
        return root.toString();
    }
}
