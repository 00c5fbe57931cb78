package dev.conversa.spring.boot;

import dev.conversa.model.InboundEvent;
import dev.conversa.store.Stores;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * Conversa's meters on the application's {@link MeterRegistry}. Tags never hold personal data:
 * only the HTTP status, the channel and the event kind, never a phone number, contact or
 * account id.
 *
 * <ul>
 *   <li>{@code conversa.webhooks} (counter), tag {@code status}: webhook calls by the status
 *       answered (200, 400, 401, 403, 413, 500, ...).
 *   <li>{@code conversa.events} (counter), tags {@code channel}, {@code kind}: events that
 *       entered the pipeline, such as {@code whatsapp} / {@code message}.
 *   <li>{@code conversa.inbox.backlog} (gauge): inbox entries waiting to be processed.
 * </ul>
 *
 * <p>Thread-safe.
 */
final class ConversaMetrics implements WebhookOutcomes {

    private final MeterRegistry registry;

    ConversaMetrics(MeterRegistry registry, Stores stores) {
        this.registry = Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(stores, "stores");
        Gauge.builder("conversa.inbox.backlog", stores, s -> s.inbox().pendingCount())
                .description("Inbox entries waiting to be processed")
                .register(registry);
    }

    @Override
    public void answered(int status) {
        Counter.builder("conversa.webhooks").description("Webhook calls by the status answered")
                .tag("status", Integer.toString(status)).register(registry).increment();
    }

    void eventReceived(InboundEvent event) {
        Counter.builder("conversa.events").description("Events that entered the pipeline")
                .tag("channel", event.conversation().channel().value()).tag("kind", event.kind())
                .register(registry).increment();
    }
}
