package dev.conversa.pipeline;

import dev.conversa.internal.store.OutboundHistory;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.TenantId;
import dev.conversa.store.MessageStore;
import dev.conversa.store.Outbox;
import dev.conversa.store.OutboxEntry;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;


/**
 * Queues a message: records it in the outbox under its idempotency key and, for messages (not
 * markers), in the history as {@code PENDING} under the outbox's provisional id (see
 * {@link OutboundHistory} for when the outbox worker overtakes that write). Whether it may
 * go is decided at send time, by the send gate of the outbox worker.
 */
final class SendQueue {

    private final Outbox outbox;
    private final MessageStore messages;
    private final Clock clock;
    private final AtomicLong queued = new AtomicLong();

    SendQueue(Outbox outbox, MessageStore messages, Clock clock) {
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
    }

    OutboxEntry enqueue(TenantId tenant, OutboundMessage message, String idempotencyKey, boolean completesHandoff) {
        OutboxEntry entry = outbox.enqueue(tenant, message, idempotencyKey, completesHandoff, clock.instant());
        OutboundHistory.recordQueued(messages, entry, () -> outbox.find(tenant, entry.id()));
        queued.incrementAndGet();
        return entry;
    }

    /** How many messages were queued through this queue so far. */
    long queued() {
        return queued.get();
    }
}
