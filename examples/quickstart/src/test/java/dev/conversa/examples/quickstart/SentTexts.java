package dev.conversa.examples.quickstart;

import dev.conversa.testkit.RecordedRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The WhatsApp text messages a Graph API stand-in received, counted by recipient. Typing
 * indicators and read markers go to the same endpoint as separate requests without a
 * {@code type}, so they are not counted.
 */
final class SentTexts {

    private SentTexts() {}

    /**
     * Counts the text messages by recipient.
     *
     * @param requests the stand-in's requests
     * @return the number of text messages sent to each {@code wa_id}
     */
    static Map<String, Long> byRecipient(List<RecordedRequest> requests) {
        return requests.stream()
                .filter(request -> request.method().equals("POST") && request.path().endsWith("/messages"))
                .map(request -> HttpJson.MAPPER.readTree(request.body()))
                .filter(body -> body.path("type").asString("").equals("text"))
                .collect(Collectors.groupingBy(body -> body.path("to").asString(""), Collectors.counting()));
    }
}
