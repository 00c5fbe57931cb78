package dev.conversa.benchmarks;

import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.SendRequest;
import dev.conversa.channel.SendResult;
import dev.conversa.channel.WebhookPayload;
import dev.conversa.graph.GraphClient;
import dev.conversa.model.ChannelType;
import dev.conversa.model.InboundEvent;
import dev.conversa.whatsapp.internal.WhatsAppNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WhatsApp channel as a third-party channel would have to be: it parses the payload's bytes
 * with its own JSON mapper instead of reading the tree core already parsed, then normalizes as
 * the shipped channel does. Only for {@link WebhookIntakeBenchmark}. Immutable and thread-safe.
 */
final class ReparsingChannel implements ChannelAdapter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChannelAdapter channel;
    private final WhatsAppNormalizer normalizer = new WhatsAppNormalizer(Clock.systemUTC());

    ReparsingChannel(ChannelAdapter channel) {
        this.channel = channel;
    }

    @Override
    public ChannelType type() {
        return channel.type();
    }

    @Override
    public String webhookObject() {
        return channel.webhookObject();
    }

    @Override
    public List<InboundEvent> normalize(WebhookPayload payload) {
        try (InputStream body = payload.bodyStream()) {
            return normalizer.normalize(JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public SendResult send(SendRequest request, GraphClient graph) {
        return channel.send(request, graph);
    }

    @Override
    public ChannelCapabilities capabilities() {
        return channel.capabilities();
    }
}
