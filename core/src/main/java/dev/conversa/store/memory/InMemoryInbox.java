package dev.conversa.store.memory;

import dev.conversa.internal.store.StoreArguments;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.TenantId;
import dev.conversa.store.Inbox;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.LeaseLostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The inbox as a map of entries in id order plus an index of the events already seen, which
 * deduplicates redeliveries until completed entries are purged.
 */
final class InMemoryInbox implements Inbox {

    private final TreeMap<Long, InboxSlot> slots = new TreeMap<>();
    private final Map<EventKey, Long> seen = new HashMap<>();
    private long lastId;
    private long lastFence;

    @Override
    public synchronized List<InboxEntry> append(TenantId tenant, List<InboundEvent> events, Instant now) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(now, "now");
        List<InboundEvent> batch = List.copyOf(events);
        List<InboxEntry> created = new ArrayList<>();
        for (InboundEvent event : batch) {
            EventKey key = EventKey.of(tenant, event);
            if (!seen.containsKey(key)) {
                InboxSlot slot = add(tenant, event.conversation(), Optional.of(event), now);
                seen.put(key, slot.id);
                created.add(slot.snapshot());
            }
        }
        return List.copyOf(created);
    }

    @Override
    public synchronized void scheduleReply(TenantId tenant, ConversationKey conversation, Instant due, Instant now) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(now, "now");
        Optional<InboxSlot> pending = slots.values().stream()
                .filter(s -> s.isPendingReplyTask() && s.belongsTo(tenant, conversation))
                .findFirst();
        if (pending.isPresent()) {
            pending.get().notBefore = due;
        } else {
            add(tenant, conversation, Optional.empty(), due);
        }
    }

    @Override
    public synchronized List<InboxEntry> claim(String worker, int max, Duration lease, Instant now) {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(now, "now");
        StoreArguments.requireClaim(max, lease);
        Set<Lane> decided = new HashSet<>();
        slots.values().stream().filter(s -> s.isLeasedAt(now)).forEach(s -> decided.add(Lane.of(s)));
        List<InboxEntry> claimed = new ArrayList<>();
        for (InboxSlot slot : slots.values()) {
            if (claimed.size() == max) {
                break;
            }
            if (!slot.isOpen() || decided.contains(Lane.of(slot))) {
                continue;
            }
            if (slot.isDueAt(now)) {
                decided.add(Lane.of(slot));
                claimed.add(slot.claim(++lastFence, now.plus(lease)));
            } else if (slot.event.isPresent()) {
                decided.add(Lane.of(slot));
            }
        }
        return List.copyOf(claimed);
    }

    @Override
    public synchronized void complete(InboxEntry entry, Instant now) {
        Objects.requireNonNull(now, "now");
        InboxSlot slot = claimed(entry);
        slot.status = InboxSlot.Status.COMPLETED;
        slot.completedAt = now;
    }

    @Override
    public synchronized void retry(InboxEntry entry, Instant notBefore, String reason) {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(reason, "reason");
        InboxSlot slot = claimed(entry);
        slot.status = InboxSlot.Status.PENDING;
        slot.notBefore = notBefore;
    }

    @Override
    public synchronized void park(InboxEntry entry, String reason) {
        Objects.requireNonNull(reason, "reason");
        claimed(entry).status = InboxSlot.Status.PARKED;
    }

    @Override
    public synchronized List<InboxEntry> parked(TenantId tenant, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        StoreArguments.requireLimit(limit);
        return slots.values().stream()
                .filter(s -> s.status == InboxSlot.Status.PARKED && s.tenant.equals(tenant))
                .limit(limit)
                .map(InboxSlot::snapshot)
                .toList();
    }

    @Override
    public synchronized long pendingCount() {
        return slots.values().stream().filter(InboxSlot::isOpen).count();
    }

    @Override
    public synchronized int purgeCompleted(Instant before) {
        Objects.requireNonNull(before, "before");
        return remove(s -> s.status == InboxSlot.Status.COMPLETED && s.completedAt.isBefore(before));
    }

    @Override
    public synchronized int deleteConversation(TenantId tenant, ConversationKey conversation) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(conversation, "conversation");
        return remove(s -> s.belongsTo(tenant, conversation));
    }

    private InboxSlot add(TenantId tenant, ConversationKey conversation, Optional<InboundEvent> event,
            Instant notBefore) {
        InboxSlot slot = new InboxSlot(++lastId, tenant, conversation, event, notBefore);
        slots.put(slot.id, slot);
        return slot;
    }

    private int remove(Predicate<InboxSlot> which) {
        List<InboxSlot> removed = slots.values().stream().filter(which).toList();
        for (InboxSlot slot : removed) {
            slots.remove(slot.id);
            slot.event.ifPresent(e -> seen.remove(EventKey.of(slot.tenant, e)));
        }
        return removed.size();
    }

    private InboxSlot claimed(InboxEntry entry) {
        Objects.requireNonNull(entry, "entry");
        InboxSlot slot = slots.get(entry.id());
        if (slot == null || !slot.tenant.equals(entry.tenant()) || slot.status != InboxSlot.Status.CLAIMED
                || slot.fence != entry.fence()) {
            throw new LeaseLostException("inbox entry " + entry.id() + " is no longer claimed under fence "
                    + entry.fence());
        }
        return slot;
    }

    private record Lane(TenantId tenant, ConversationKey conversation) {
        static Lane of(InboxSlot slot) {
            return new Lane(slot.tenant, slot.conversation);
        }
    }

    private record EventKey(TenantId tenant, ChannelType channel, String accountId, String externalId) {
        static EventKey of(TenantId tenant, InboundEvent event) {
            return new EventKey(tenant, event.header().channel(), event.header().accountId(),
                    event.header().externalId());
        }
    }
}
