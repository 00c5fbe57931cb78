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
    final boolean completesHandoff;
    final Instant createdAt;
    OutboxState state = OutboxState.PENDING;
    int attempts;
    Instant notBefore;
    Optional<String> channelMessageId = Optional.empty();
    Optional<String> lastError = Optional.empty();
    long fence;
    boolean claimed;
    Instant leaseUntil = Instant.MIN;

    OutboxSlot(long id, TenantId tenant, OutboundMessage message, String idempotencyKey, boolean completesHandoff,
            Instant now) {
        this.id = id;
        this.tenant = tenant;
        this.message = message;
        this.idempotencyKey = idempotencyKey;
        this.completesHandoff = completesHandoff;
        this.createdAt = now;
        this.notBefore = now;
    }

    /** Pending or sending: not finished yet. */
    boolean isOpen() {
        return state == OutboxState.PENDING || state == OutboxState.SENDING;
    }

    boolean isDueAt(Instant now) {
        return !notBefore.isAfter(now);
    }

    /** Claims the entry (it stays {@code PENDING}) and returns it as claimed, this attempt counted. */
    OutboxEntry claim(long newFence, Instant until) {
        claimed = true;
        fence = newFence;
        leaseUntil = until;
        attempts++;
        return snapshot();
    }

    /** Claimed, pending or sending, under a lease that has not expired at {@code now}. */
    boolean isLeasedAt(Instant now) {
        return claimed && leaseUntil.isAfter(now);
    }

    /** Ends the claim in a new state. */
    void release(OutboxState newState) {
        state = newState;
        claimed = false;
    }

    OutboxEntry snapshot() {
        return new OutboxEntry(id, tenant, message, idempotencyKey, state, attempts, notBefore, channelMessageId,
                lastError, claimed ? fence : 0, createdAt, completesHandoff);
    }
}
