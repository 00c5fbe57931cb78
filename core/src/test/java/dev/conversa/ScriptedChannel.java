package dev.conversa;

import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.SendRequest;
import dev.conversa.channel.SendResult;
import dev.conversa.graph.GraphClient;
import dev.conversa.internal.json.WebhookPayload;
import dev.conversa.model.ChannelType;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.OutboundContent;
import dev.conversa.testsupport.EchoTestChannel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test double of the channel SPI: reads webhooks like {@link EchoTestChannel}, records every
 * send attempt, answers {@code "out-1"}, {@code "out-2"}, ... and can be told to fail the next
 * sends with given exceptions, or to run an action while the next send is under way. Thread-safe.
 */
final class ScriptedChannel implements ChannelAdapter {

    private final EchoTestChannel reader = new EchoTestChannel();
    private final List<SendRequest> attempts = new CopyOnWriteArrayList<>();
    private final List<SendRequest> delivered = new CopyOnWriteArrayList<>();
    private final Queue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
    private final Queue<Runnable> duringSends = new ConcurrentLinkedQueue<>();
    private final AtomicInteger ids = new AtomicInteger();

    void failNextSend(RuntimeException failure) {
        failures.add(failure);
    }

    /** Runs the action inside the next send attempt, on the outbox worker, before the send answers. */
    void duringNextSend(Runnable action) {
        duringSends.add(action);
    }

    List<SendRequest> attempts() {
        return List.copyOf(attempts);
    }

    /** The contents successfully sent, of one type, in order. */
    <T extends OutboundContent> List<T> sent(Class<T> type) {
        return delivered.stream().map(r -> r.message().content()).filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public ChannelType type() {
        return EchoTestChannel.TYPE;
    }

    @Override
    public String webhookObject() {
        return EchoTestChannel.OBJECT;
    }

    @Override
    public List<InboundEvent> normalize(WebhookPayload payload) {
        return reader.normalize(payload);
    }

    @Override
    public SendResult send(SendRequest request, GraphClient graph) {
        attempts.add(request);
        Runnable during = duringSends.poll();
        if (during != null) {
            during.run();
        }
        RuntimeException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
        delivered.add(request);
        return request.message().content().isMessage()
                ? SendResult.sent("out-" + ids.incrementAndGet())
                : SendResult.marker();
    }

    @Override
    public ChannelCapabilities capabilities() {
        return new ChannelCapabilities(4096, 3, 20, 10, 13, false, true, true, true, Set.of(), Duration.ofHours(24),
                Optional.of(Duration.ofDays(7)), "plain text");
    }
}
