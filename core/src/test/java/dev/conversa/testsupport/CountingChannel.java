package dev.conversa.testsupport;

import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.SendRequest;
import dev.conversa.channel.SendResult;
import dev.conversa.channel.WebhookPayload;
import dev.conversa.graph.GraphClient;
import dev.conversa.model.ChannelType;
import dev.conversa.model.InboundEvent;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The {@link EchoTestChannel}, counting the bodies it is asked to read. Thread-safe. */
public final class CountingChannel implements ChannelAdapter {

    private final EchoTestChannel channel = new EchoTestChannel();
    private final AtomicInteger normalized = new AtomicInteger();

    /**
     * How many bodies it was asked to read.
     *
     * @return the count
     */
    public int normalized() {
        return normalized.get();
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
        normalized.incrementAndGet();
        return channel.normalize(payload);
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
