package dev.conversa.testsupport;

import dev.conversa.channel.WebhookPayload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Loads webhook fixtures, the files under {@code src/test/resources/fixtures/<channel>/<case>.json},
 * and parses bodies into the {@link WebhookPayload} core hands to channel adapters.
 *
 * <pre>{@code
 * List<InboundEvent> events = channel.normalize(WebhookPayloads.fixture("messenger", "text"));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class WebhookPayloads {

    private WebhookPayloads() {}

    /**
     * Reads the bytes of a fixture file.
     *
     * @param channel the folder under {@code /fixtures/}, such as {@code "whatsapp"}
     * @param name the file name without {@code .json}
     * @return the file's bytes, unchanged
     * @throws IllegalArgumentException if there is no such fixture on the class path
     * @throws UncheckedIOException if it cannot be read
     */
    public static byte[] bytes(String channel, String name) {
        String path = "/fixtures/" + channel + "/" + name + ".json";
        try (InputStream in = WebhookPayloads.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads and parses a fixture file.
     *
     * @param channel the folder under {@code /fixtures/}, such as {@code "whatsapp"}
     * @param name the file name without {@code .json}
     * @return the parsed payload
     * @throws IllegalArgumentException if there is no such fixture on the class path
     */
    public static WebhookPayload fixture(String channel, String name) {
        return of(bytes(channel, name));
    }

    /**
     * Parses a webhook body as core does before handing it to an adapter.
     *
     * @param raw the body
     * @return the parsed payload, over a copy of {@code raw}
     * @throws IllegalArgumentException if the body is not one JSON object
     */
    public static WebhookPayload of(byte[] raw) {
        return WebhookPayload.of(raw);
    }
}
