package dev.conversa.store.memory;

import dev.conversa.internal.store.StoreArguments;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.TenantId;
import dev.conversa.store.LeaseLostException;
import dev.conversa.store.Outbox;
import dev.conversa.store.PurgeScope;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The outbox as a map of entries in id order, the entries still pending or sending by
 * conversation ({@link OpenLanes}: a claim looks only at each conversation's first open entry,
 * which decides for it), the claimed entries aside (whose leases a claim checks), and an index
 * by tenant and idempotency key. No operation of the send path looks at every entry, so a
 * backlog of many conversations costs no more per claim than a few.
 */
final class InMemoryOutbox implements Outbox {

    private final TreeMap<Long, OutboxSlot> slots = new TreeMap<>();
    private final OpenLanes<Lane, OutboxSlot> open = new OpenLanes<>(slot -> slot.id);
    private final Map<Long, OutboxSlot> claimedSlots = new HashMap<>();
    private final Map<KeyOfSend, Long> byKey = new HashMap<>();
    private long lastId;
    private long lastFence;

    @Override
    public synchronized OutboxEntry enqueue(
            TenantId tenant, OutboundMessage message, String idempotencyKey, boolean completesHandoff, Instant now) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(now, "now");
        KeyOfSend key = new KeyOfSend(tenant, Objects.requireNonNull(idempotencyKey, "idempotencyKey"));
        Long existing = byKey.get(key);
        if (existing != null) {
            return slots.get(existing).snapshot();
        }
        OutboxSlot slot = new OutboxSlot(++lastId, tenant, message, idempotencyKey, completesHandoff, now);
        slots.put(slot.id, slot);
        open.add(Lane.of(slot), slot);
        byKey.put(key, slot.id);
        return slot.snapshot();
    }

    @Override
    public synchronized List<OutboxEntry> claim(String worker, int max, Duration lease, Instant now) {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(now, "now");
        StoreArguments.requireClaim(max, lease);
        for (OutboxSlot slot : List.copyOf(claimedSlots.values())) {
            if (slot.state == OutboxState.SENDING && !slot.leaseUntil.isAfter(now)) {
                release(slot, OutboxState.SEND_UNCERTAIN);
                slot.lastError = Optional.of("the worker stopped while sending; the channel may have received it");
            }
        }
        List<OutboxSlot> due = new ArrayList<>();
        // the oldest open entry decides for its conversation: sent when due, else it holds back the rest
        for (OutboxSlot head : open.heads()) {
            if (due.size() == max) {
                break;
            }
            if (!head.isLeasedAt(now) && head.isDueAt(now)) {
                due.add(head);
            }
        }
        List<OutboxEntry> claimed = new ArrayList<>(due.size());
        for (OutboxSlot slot : due) {
            claimed.add(claim(slot, lease, now));
        }
        return List.copyOf(claimed);
    }

    @Override
    public synchronized Optional<OutboxEntry> claimNext(String worker, TenantId tenant, ConversationKey conversation,
            Duration lease, Instant now) {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(now, "now");
        StoreArguments.requireClaim(1, lease);
        OutboxSlot head = open.head(new Lane(Objects.requireNonNull(tenant, "tenant"),
                Objects.requireNonNull(conversation, "conversation")));
        // the first open entry decides, as in claim: claimable when pending, due and not leased
        return head != null && head.state == OutboxState.PENDING && head.isDueAt(now) && !head.isLeasedAt(now)
                ? Optional.of(claim(head, lease, now)) : Optional.empty();
    }

    private OutboxEntry claim(OutboxSlot slot, Duration lease, Instant now) {
        claimedSlots.put(slot.id, slot);
        return slot.claim(++lastFence, now.plus(lease));
    }

    /** Ends a slot's claim in a new state; a finished slot leaves its conversation's open entries. */
    private void release(OutboxSlot slot, OutboxState state) {
        slot.release(state);
        claimedSlots.remove(slot.id);
        if (!slot.isOpen()) {
            open.remove(Lane.of(slot), slot);
        }
    }

    @Override
    public synchronized OutboxEntry markSending(OutboxEntry entry, Duration lease, Instant now) {
        StoreArguments.requireClaim(1, lease);
        Objects.requireNonNull(now, "now");
        OutboxSlot slot = claimed(entry);
        slot.state = OutboxState.SENDING;
        slot.leaseUntil = now.plus(lease);
        return slot.snapshot();
    }

    @Override
    public synchronized void renew(OutboxEntry entry, Duration lease, Instant now) {
        StoreArguments.requireClaim(1, lease);
        Objects.requireNonNull(now, "now");
        claimed(entry).leaseUntil = now.plus(lease);
    }

    @Override
    public synchronized void markSent(OutboxEntry entry, Optional<String> channelMessageId, Instant now) {
        Objects.requireNonNull(channelMessageId, "channelMessageId");
        Objects.requireNonNull(now, "now");
        OutboxSlot slot = finish(entry, OutboxState.SENT);
        slot.channelMessageId = channelMessageId;
    }

    @Override
    public synchronized void retry(OutboxEntry entry, Instant notBefore, String error) {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(error, "error");
        OutboxSlot slot = claimed(entry);
        release(slot, OutboxState.PENDING);
        slot.notBefore = notBefore;
        slot.lastError = Optional.of(error);
    }

    @Override
    public synchronized void postpone(OutboxEntry entry, Instant notBefore, String reason) {
        retry(entry, notBefore, reason);
        slots.get(entry.id()).attempts--;
    }

    @Override
    public synchronized void markDead(OutboxEntry entry, String error) {
        Objects.requireNonNull(error, "error");
        finish(entry, OutboxState.DEAD).lastError = Optional.of(error);
    }

    @Override
    public synchronized void markUncertain(OutboxEntry entry, String error) {
        Objects.requireNonNull(error, "error");
        finish(entry, OutboxState.SEND_UNCERTAIN).lastError = Optional.of(error);
    }

    @Override
    public synchronized List<OutboxEntry> sending(TenantId tenant, ConversationKey conversation) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(conversation, "conversation");
        return open.of(new Lane(tenant, conversation)).stream()
                .filter(s -> s.state == OutboxState.SENDING)
                .map(OutboxSlot::snapshot)
                .toList();
    }

    @Override
    public synchronized Optional<OutboxEntry> find(TenantId tenant, long id) {
        Objects.requireNonNull(tenant, "tenant");
        return Optional.ofNullable(slots.get(id)).filter(s -> s.tenant.equals(tenant)).map(OutboxSlot::snapshot);
    }

    @Override
    public synchronized Map<OutboxState, Long> countByState() {
        Map<OutboxState, Long> counts = new EnumMap<>(OutboxState.class);
        for (OutboxState state : OutboxState.values()) {
            counts.put(state, 0L);
        }
        slots.values().forEach(slot -> counts.merge(slot.state, 1L, Long::sum));
        return Collections.unmodifiableMap(counts);
    }

    @Override
    public synchronized List<OutboxEntry> list(TenantId tenant, OutboxState state, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(state, "state");
        StoreArguments.requireLimit(limit);
        return slots.values().stream()
                .filter(s -> s.tenant.equals(tenant) && s.state == state)
                .limit(limit)
                .map(OutboxSlot::snapshot)
                .toList();
    }

    @Override
    public synchronized int purgeFinished(PurgeScope scope, Instant cutoff, int limit) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(cutoff, "cutoff");
        StoreArguments.requirePurgeLimit(limit);
        return remove(slots.values().stream()
                .filter(s -> !s.isOpen() && !s.createdAt.isAfter(cutoff) && scope.includes(s.tenant))
                .limit(limit)
                .toList());
    }

    /** Tells whether a conversation has an entry pending or sending. */
    synchronized boolean hasWork(TenantId tenant, ConversationKey conversation) {
        return open.head(new Lane(tenant, conversation)) != null;
    }

    /** Removes a conversation's finished entries (retention). */
    synchronized int removeFinished(TenantId tenant, ConversationKey conversation) {
        return remove(slots.values().stream()
                .filter(s -> !s.isOpen() && s.tenant.equals(tenant) && s.message.to().equals(conversation))
                .toList());
    }

    private int remove(List<OutboxSlot> removed) {
        for (OutboxSlot slot : removed) {
            slots.remove(slot.id);
            open.remove(Lane.of(slot), slot);
            claimedSlots.remove(slot.id);
            byKey.remove(new KeyOfSend(slot.tenant, slot.idempotencyKey));
        }
        return removed.size();
    }

    @Override
    public synchronized int deleteConversation(TenantId tenant, ConversationKey conversation) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(conversation, "conversation");
        return remove(slots.values().stream()
                .filter(s -> s.tenant.equals(tenant) && s.message.to().equals(conversation))
                .toList());
    }

    private OutboxSlot finish(OutboxEntry entry, OutboxState state) {
        OutboxSlot slot = claimed(entry);
        release(slot, state);
        return slot;
    }

    private OutboxSlot claimed(OutboxEntry entry) {
        Objects.requireNonNull(entry, "entry");
        OutboxSlot slot = slots.get(entry.id());
        if (slot == null || !slot.tenant.equals(entry.tenant()) || !slot.claimed || slot.fence != entry.fence()) {
            throw new LeaseLostException("outbox entry " + entry.id() + " is no longer claimed under fence "
                    + entry.fence());
        }
        return slot;
    }

    private record KeyOfSend(TenantId tenant, String idempotencyKey) {}

    private record Lane(TenantId tenant, ConversationKey conversation) {
        static Lane of(OutboxSlot slot) {
            return new Lane(slot.tenant, slot.message.to());
        }
    }
}
