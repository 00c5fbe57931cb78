package dev.conversa.spring.boot;

import dev.conversa.model.ChannelType;
import dev.conversa.model.InboundEvent;
import dev.conversa.observe.ConversaObserver;
import dev.conversa.observe.SendOutcome;
import dev.conversa.store.OutboxState;
import dev.conversa.store.Stores;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Conversa's meters on the application's {@link MeterRegistry}. Tags never hold personal data:
 * only the HTTP status, the channel, the event kind, an outcome and the model's name, never a
 * phone number, contact, account or tenant id.
 *
 * <ul>
 *   <li>{@code conversa.webhooks} (counter), tag {@code status}: webhook calls by the status
 *       answered (200, 400, 401, 403, 413, 500, ...).
 *   <li>{@code conversa.webhooks.latency} (timer), tag {@code status}: how long the handler took
 *       to answer a webhook call (for a 200 with events, until they were committed).
 *   <li>{@code conversa.events} (counter), tags {@code channel}, {@code kind}: events that
 *       entered the pipeline, such as {@code whatsapp} / {@code message}.
 *   <li>{@code conversa.inbox.backlog} (gauge): inbox entries waiting to be processed.
 *   <li>{@code conversa.outbox.depth} (gauge): outbox entries waiting to be sent or being sent.
 *   <li>{@code conversa.pipeline.latency} (timer), tag {@code channel}: from the customer's latest
 *       message (the channel's timestamp) to the reply queued.
 *   <li>{@code conversa.responder.latency} (timer), tags {@code channel}, {@code outcome}
 *       ({@code answer}, {@code handoff}, {@code silence}, {@code failed}).
 *   <li>{@code conversa.sends} (timer), tags {@code channel}, {@code outcome} ({@code sent},
 *       {@code retried}, {@code postponed}, {@code uncertain}, {@code dead}): each tried send.
 *   <li>{@code conversa.responder.tokens} (counter), tags {@code model}, {@code type}
 *       ({@code input}, {@code output}): the OpenAI responder's token usage.
 * </ul>
 *
 * <p>Thread-safe.
 */
final class ConversaMetrics implements WebhookOutcomes, ConversaObserver {

    private final MeterRegistry registry;

    ConversaMetrics(MeterRegistry registry, Stores stores) {
        this.registry = Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(stores, "stores");
        Gauge.builder("conversa.inbox.backlog", stores, s -> s.inbox().pendingCount())
                .description("Inbox entries waiting to be processed")
                .register(registry);
        Gauge.builder("conversa.outbox.depth", stores, ConversaMetrics::outboxDepth)
                .description("Outbox entries waiting to be sent or being sent")
                .register(registry);
    }

    private static double outboxDepth(Stores stores) {
        Map<OutboxState, Long> counts = stores.outbox().countByState();
        return counts.getOrDefault(OutboxState.PENDING, 0L) + counts.getOrDefault(OutboxState.SENDING, 0L);
    }

    @Override
    public void answered(int status) {
        Counter.builder("conversa.webhooks").description("Webhook calls by the status answered")
                .tag("status", Integer.toString(status)).register(registry).increment();
    }

    @Override
    public void webhookAnswered(int status, Duration latency) {
        Timer.builder("conversa.webhooks.latency").description("How long the handler took to answer a webhook call")
                .tag("status", Integer.toString(status)).register(registry).record(latency);
    }

    void eventReceived(InboundEvent event) {
        Counter.builder("conversa.events").description("Events that entered the pipeline")
                .tag("channel", event.conversation().channel().value()).tag("kind", event.kind())
                .register(registry).increment();
    }

    @Override
    public void replyQueued(ChannelType channel, Duration sinceReceipt) {
        Timer.builder("conversa.pipeline.latency")
                .description("From the customer's latest message to the reply queued")
                .tag("channel", channel.value()).register(registry).record(sinceReceipt);
    }

    @Override
    public void responderFinished(ChannelType channel, String outcome, Duration latency) {
        Timer.builder("conversa.responder.latency").description("How long the responder took")
                .tag("channel", channel.value()).tag("outcome", outcome).register(registry).record(latency);
    }

    @Override
    public void sendFinished(ChannelType channel, SendOutcome outcome, Duration latency) {
        Timer.builder("conversa.sends").description("Tried sends by outcome, and how long they took")
                .tag("channel", channel.value()).tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry).record(latency);
    }

    @Override
    public void tokensUsed(String model, long inputTokens, long outputTokens) {
        tokens(model, "input").increment(inputTokens);
        tokens(model, "output").increment(outputTokens);
    }

    private Counter tokens(String model, String type) {
        return Counter.builder("conversa.responder.tokens").description("The model's tokens")
                .tag("model", model).tag("type", type).register(registry);
    }
}
