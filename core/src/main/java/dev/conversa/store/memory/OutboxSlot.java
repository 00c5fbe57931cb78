package dev.conversa.store.memory;

import dev.conversa.model.OutboundMessage;
import dev.conversa.model.TenantId;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import java.time.Instant;
import java.util.Optional;

/** One outbox entry and its mutable delivery state; guarded by the outbox's lock. */
final class OutboxSlot {

    final long id;
    final TenantId tenant;
    final OutboundMessage message;
    final String idempotencyKey;
    final Instant createdAt;
    OutboxState state = OutboxState.PENDING;
    int attempts;
    Instant notBefore;
    Optional<String> channelMessageId = Optional.empty();
    Optional<String> lastError = Optional.empty();
    long fence;
    Instant leaseUntil = Instant.MIN;

    OutboxSlot(long id, TenantId tenant, OutboundMessage message, String idempotencyKey, Instant now) {
        this.id = id;
        this.tenant = tenant;
        this.message = message;
        this.idempotencyKey = idempotencyKey;
        this.createdAt = now;
        this.notBefore = now;
    }

    boolean isDueAt(Instant now) {
        return !notBefore.isAfter(now);
    }

    /** Marks the entry {@code SENDING} and returns it as claimed, this attempt counted. */
    OutboxEntry claim(long newFence, Instant until) {
        state = OutboxState.SENDING;
        fence = newFence;
        leaseUntil = until;
        attempts++;
        return snapshot();
    }

    OutboxEntry snapshot() {
        return new OutboxEntry(id, tenant, message, idempotencyKey, state, attempts, notBefore, channelMessageId,
                lastError, state == OutboxState.SENDING ? fence : 0, createdAt);
    }
}
