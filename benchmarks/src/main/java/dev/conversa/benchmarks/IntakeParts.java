package dev.conversa.benchmarks;

import dev.conversa.channel.ChannelAdapter;
import dev.conversa.internal.json.WebhookJson;
import dev.conversa.messenger.MessengerChannel;
import dev.conversa.webhook.WebhookHandler;
import dev.conversa.whatsapp.WhatsAppChannel;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Parts of the intake path, timed against the baseline by {@link IntakeRatio} ({@code
 * parts=true}) to show where a new event's time goes: reading the tokens, building the tree,
 * normalizing. Each reads the next fresh request of {@link WebhookIntakeBenchmark}.
 */
final class IntakeParts {

    private final WebhookIntakeBenchmark bench;
    private final JsonFactory streaming = JsonFactory.builder().build();
    private final WebhookJson json = WebhookJson.create(WebhookHandler.Builder.DEFAULT_MAX_BODY_BYTES);
    private final ChannelAdapter channel;

    IntakeParts(WebhookIntakeBenchmark bench) {
        this.bench = bench;
        this.channel = bench.payload.startsWith("messenger") ? MessengerChannel.create() : WhatsAppChannel.create();
    }

    /**
     * Every token of the body, with every string value made: what any reader of it does at least.
     * Returns the tokens and string characters counted, so that nothing made is left unused.
     */
    Object tokens() {
        int counted = 0;
        try (JsonParser parser = streaming.createParser(ObjectReadContext.empty(), bench.nextForParts().body())) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                counted += token == JsonToken.VALUE_STRING ? parser.getString().length() : 1;
            }
        }
        return counted;
    }

    /** The handler's parse: limits, duplicate names, trailing tokens, the tree. */
    Object tree() {
        return json.parse(bench.nextForParts().body());
    }

    /** The handler's parse and the channel's normalizing of the tree into events. */
    Object normalized() {
        return channel.normalize(json.parse(bench.nextForParts().body()));
    }
}
