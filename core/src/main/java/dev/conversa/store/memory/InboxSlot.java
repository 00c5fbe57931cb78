package dev.conversa.store.memory;

import dev.conversa.model.ConversationKey;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.TenantId;
import dev.conversa.store.InboxEntry;
import java.time.Instant;
import java.util.Optional;

/** One inbox entry and its mutable processing state; guarded by the inbox's lock. */
final class InboxSlot {

    /** Where the entry is. */
    enum Status { PENDING, CLAIMED, PARKED }

    final long id;
    final TenantId tenant;
    final ConversationKey conversation;
    final Optional<InboundEvent> event;
    final boolean timer;
    final Instant createdAt;
    Instant notBefore;
    Status status = Status.PENDING;
    int attempts;
    long fence;
    Instant leaseUntil = Instant.MIN;

    InboxSlot(long id, TenantId tenant, ConversationKey conversation, Optional<InboundEvent> event,
            Instant notBefore, Instant createdAt) {
        this(id, tenant, conversation, event, false, notBefore, createdAt);
    }

    InboxSlot(long id, TenantId tenant, ConversationKey conversation, Optional<InboundEvent> event, boolean timer,
            Instant notBefore, Instant createdAt) {
        this.id = id;
        this.timer = timer;
        this.createdAt = createdAt;
        this.tenant = tenant;
        this.conversation = conversation;
        this.event = event;
        this.notBefore = notBefore;
    }

    /** Claimed under a lease that has not expired at {@code now}. */
    boolean isLeasedAt(Instant now) {
        return status == Status.CLAIMED && leaseUntil.isAfter(now);
    }

    boolean isDueAt(Instant now) {
        return !notBefore.isAfter(now);
    }

    boolean isPendingReplyTask() {
        return status == Status.PENDING && event.isEmpty() && !timer;
    }

    boolean belongsTo(TenantId otherTenant, ConversationKey otherConversation) {
        return tenant.equals(otherTenant) && conversation.equals(otherConversation);
    }

    /** Claims the entry and returns it as claimed, with the attempts made before this claim. */
    InboxEntry claim(long newFence, Instant until) {
        status = Status.CLAIMED;
        fence = newFence;
        leaseUntil = until;
        InboxEntry claimed = snapshot();
        attempts++;
        return claimed;
    }

    InboxEntry snapshot() {
        return new InboxEntry(id, tenant, conversation, event, notBefore, attempts,
                status == Status.CLAIMED ? fence : 0, timer);
    }
}
