package dev.conversa.store;

import dev.conversa.model.ConversationKey;
import dev.conversa.model.DeliveryWatermark;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.Read;
import dev.conversa.model.StatusUpdate;
import dev.conversa.model.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A unit of work in the inbox: an inbound event to process, a reply task (the bot's turn to
 * answer a conversation, scheduled by burst coalescing), or a timer (a queue's SLA check).
 *
 * @param id the inbox's id of the entry, increasing in arrival order
 * @param tenant the business
 * @param conversation the conversation it belongs to
 * @param event the event, or empty for a reply task
 * @param notBefore the entry is not claimed before this time
 * @param attempts how many times it was claimed before
 * @param fence the claim's fencing token: completing with an older token fails, so a worker
 *     whose lease expired cannot commit over the worker that took the entry after it; 0 when
 *     not claimed
 * @param timer whether this is a durable timer of the agents (a queue's SLA check, scheduled by
 *     {@link Inbox#scheduleTimer}) rather than an event or a reply task
 */
public record InboxEntry(
        long id, TenantId tenant, ConversationKey conversation, Optional<InboundEvent> event, Instant notBefore,
        int attempts, long fence, boolean timer) {

    /** Checks the fields are not null. */
    public InboxEntry {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(notBefore, "notBefore");
        if (timer && event.isPresent()) {
            throw new IllegalArgumentException("a timer carries no event");
        }
    }

    /**
     * An event or a reply task, not a timer.
     *
     * @param id the inbox's id of the entry
     * @param tenant the business
     * @param conversation the conversation it belongs to
     * @param event the event, or empty for a reply task
     * @param notBefore the entry is not claimed before this time
     * @param attempts how many times it was claimed before
     * @param fence the claim's fencing token, 0 when not claimed
     */
    public InboxEntry(long id, TenantId tenant, ConversationKey conversation, Optional<InboundEvent> event,
            Instant notBefore, int attempts, long fence) {
        this(id, tenant, conversation, event, notBefore, attempts, fence, false);
    }

    /**
     * Tells whether this is a reply task rather than an event.
     *
     * @return true for a reply task
     */
    public boolean isReplyTask() {
        return event.isEmpty() && !timer;
    }

    /**
     * Tells whether this is an event that only moves the status of the business's messages
     * forward: a {@link StatusUpdate}, a {@link Read} or a {@link DeliveryWatermark}. Such entries
     * may be claimed and handled together ({@link Inbox#claimStatusRun}).
     *
     * @return true for a delivery status
     */
    public boolean isDeliveryStatus() {
        return event.filter(e -> e instanceof StatusUpdate || e instanceof Read || e instanceof DeliveryWatermark)
                .isPresent();
    }
}
