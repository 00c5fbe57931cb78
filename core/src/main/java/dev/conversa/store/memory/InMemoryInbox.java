package dev.conversa.store.memory;

import dev.conversa.internal.store.StoreArguments;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.TenantId;
import dev.conversa.store.Inbox;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.LeaseLostException;
import dev.conversa.store.PurgeScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The inbox as the open entries in id order and by conversation ({@link OpenLanes}), the parked
 * ones aside, and an index of the events seen. A completed entry leaves the open ones at once,
 * and a claim looks only at the first entries of each conversation not in flight, so a backlog
 * of many conversations costs a claim no more than a few. A completed entry's key stays in the
 * index to deduplicate redeliveries until {@link #purgeCompleted} removes it, or until it is
 * older than {@link #DEDUP_WINDOW} (Meta stops delivering again well before), so the index does
 * not grow for ever.
 */
final class InMemoryInbox implements Inbox {

    /** How long an event's key deduplicates at most: the default replay window of webhook intake. */
    static final Duration DEDUP_WINDOW = Duration.ofDays(7);

    private final TreeMap<Long, InboxSlot> open = new TreeMap<>();
    /** The open entries again, by conversation: a claim looks at each conversation's first ones. */
    private final OpenLanes<Lane, InboxSlot> lanes = new OpenLanes<>(slot -> slot.id);
    /** The open entries claimed (their leases may have run out): what holds a conversation back. */
    private final Map<Long, InboxSlot> claimedSlots = new HashMap<>();
    private final TreeMap<Long, InboxSlot> parked = new TreeMap<>();
    private final Map<Lane, InboxSlot> pendingReplyTasks = new HashMap<>();
    private final Map<Lane, InboxSlot> pendingTimers = new HashMap<>();
    private final LinkedHashMap<EventKey, Seen> seen = new LinkedHashMap<>();
    private long lastId;
    private long lastFence;

    @Override
    public synchronized List<InboxEntry> append(TenantId tenant, List<InboundEvent> events, Instant now) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(now, "now");
        List<InboundEvent> batch = List.copyOf(events);
        forgetOlderThan(now.minus(DEDUP_WINDOW));
        List<InboxEntry> created = new ArrayList<>();
        for (InboundEvent event : batch) {
            EventKey key = EventKey.of(tenant, event);
            if (!seen.containsKey(key)) {
                InboxSlot slot = add(tenant, event.conversation(), Optional.of(event), now, now);
                seen.put(key, new Seen(slot.conversation, now, null));
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
        Lane lane = new Lane(tenant, conversation);
        InboxSlot pending = pendingReplyTasks.get(lane);
        if (pending != null) {
            pending.notBefore = due;
        } else {
            pendingReplyTasks.put(lane, add(tenant, conversation, Optional.empty(), due, now));
        }
    }

    @Override
    public synchronized boolean hasWaiting(TenantId tenant, ConversationKey conversation) {
        Lane lane = new Lane(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(conversation,
                "conversation"));
        return lanes.of(lane).stream().anyMatch(slot -> slot.status == InboxSlot.Status.PENDING);
    }

    @Override
    public synchronized void scheduleTimer(TenantId tenant, ConversationKey conversation, Instant due, Instant now) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(now, "now");
        Lane lane = new Lane(tenant, conversation);
        InboxSlot pending = pendingTimers.get(lane);
        if (pending != null) {
            if (due.isBefore(pending.notBefore)) {
                pending.notBefore = due;
            }
        } else {
            InboxSlot slot = new InboxSlot(++lastId, tenant, conversation, Optional.empty(), true, due, now);
            open.put(slot.id, slot);
            lanes.add(lane, slot);
            pendingTimers.put(lane, slot);
        }
    }

    @Override
    public synchronized List<InboxEntry> claim(String worker, int max, Duration lease, Instant now) {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(now, "now");
        StoreArguments.requireClaim(max, lease);
        Set<Lane> decided = new HashSet<>();
        for (InboxSlot slot : claimedSlots.values()) {
            if (slot.isLeasedAt(now)) {
                decided.add(Lane.of(slot));
            }
        }
        List<InboxSlot> chosen = new ArrayList<>();
        for (InboxSlot head : lanes.heads()) {
            if (chosen.size() == max) {
                break;
            }
            if (decided.contains(Lane.of(head))) {
                continue;
            }
            // the first due entry goes; an event not due yet holds back the rest, a task not due does not
            for (InboxSlot slot : lanes.of(Lane.of(head))) {
                if (slot.isDueAt(now)) {
                    chosen.add(slot);
                    break;
                }
                if (slot.event.isPresent()) {
                    break;
                }
            }
        }
        chosen.sort(Comparator.comparingLong(slot -> slot.id));
        List<InboxEntry> claimed = new ArrayList<>(chosen.size());
        for (InboxSlot slot : chosen) {
            if (slot.isPendingReplyTask()) {
                pendingReplyTasks.remove(Lane.of(slot), slot);
            } else if (slot.timer) {
                pendingTimers.remove(Lane.of(slot), slot);
            }
            claimed.add(claim(slot, lease, now));
        }
        return List.copyOf(claimed);
    }

    private InboxEntry claim(InboxSlot slot, Duration lease, Instant now) {
        claimedSlots.put(slot.id, slot);
        return slot.claim(++lastFence, now.plus(lease));
    }

    @Override
    public synchronized List<InboxEntry> claimStatusRun(String worker, InboxEntry held, int max, Duration lease,
            Instant now) {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(held, "held");
        Objects.requireNonNull(now, "now");
        StoreArguments.requireClaim(max, lease);
        InboxSlot holding = open.get(held.id());
        if (holding == null || !holding.tenant.equals(held.tenant()) || holding.fence != held.fence()
                || !holding.isLeasedAt(now)) {
            return List.of();
        }
        List<InboxEntry> run = new ArrayList<>();
        for (InboxSlot slot : lanes.of(Lane.of(holding))) {
            if (run.size() == max) {
                break;
            }
            if (slot.id <= held.id()) {
                continue;
            }
            if (slot.status != InboxSlot.Status.PENDING || !slot.isDueAt(now) || !slot.snapshot().isDeliveryStatus()) {
                break;
            }
            run.add(claim(slot, lease, now));
        }
        return List.copyOf(run);
    }

    @Override
    public synchronized void renew(InboxEntry entry, Duration lease, Instant now) {
        StoreArguments.requireClaim(1, lease);
        Objects.requireNonNull(now, "now");
        claimed(entry).leaseUntil = now.plus(lease);
    }

    @Override
    public synchronized void complete(InboxEntry entry, Instant now) {
        Objects.requireNonNull(now, "now");
        InboxSlot slot = claimed(entry);
        close(slot);
        slot.event.ifPresent(event -> seen.computeIfPresent(EventKey.of(slot.tenant, event),
                (key, was) -> was.completed(now)));
    }

    @Override
    public synchronized void retry(InboxEntry entry, Instant notBefore, String reason) {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(reason, "reason");
        InboxSlot slot = claimed(entry);
        slot.status = InboxSlot.Status.PENDING;
        claimedSlots.remove(slot.id);
        slot.notBefore = notBefore;
    }

    @Override
    public synchronized void park(InboxEntry entry, String reason) {
        Objects.requireNonNull(reason, "reason");
        InboxSlot slot = claimed(entry);
        slot.status = InboxSlot.Status.PARKED;
        close(slot);
        parked.put(slot.id, slot);
    }

    @Override
    public synchronized List<InboxEntry> parked(TenantId tenant, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        StoreArguments.requireLimit(limit);
        return parked.values().stream()
                .filter(s -> s.tenant.equals(tenant))
                .limit(limit)
                .map(InboxSlot::snapshot)
                .toList();
    }

    @Override
    public synchronized long pendingCount() {
        return open.size();
    }

    @Override
    public synchronized long parkedCount() {
        return parked.size();
    }

    @Override
    public synchronized Optional<Instant> oldestPendingAt() {
        return open.values().stream().map(s -> s.createdAt).min(Comparator.naturalOrder());
    }

    @Override
    public synchronized int purgeCompleted(Instant before) {
        Objects.requireNonNull(before, "before");
        int before0 = seen.size();
        seen.values().removeIf(s -> s.completedAt() != null && s.completedAt().isBefore(before));
        return before0 - seen.size();
    }

    @Override
    public synchronized int purgeProcessed(PurgeScope scope, Instant cutoff, int limit) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(cutoff, "cutoff");
        StoreArguments.requirePurgeLimit(limit);
        int removed = 0;
        Iterator<Map.Entry<EventKey, Seen>> all = seen.entrySet().iterator();
        while (all.hasNext() && removed < limit) {
            Map.Entry<EventKey, Seen> next = all.next();
            Instant completedAt = next.getValue().completedAt();
            if (completedAt != null && !completedAt.isAfter(cutoff) && scope.includes(next.getKey().tenant())) {
                all.remove();
                removed++;
            }
        }
        return removed;
    }

    /** Tells whether a conversation has an entry pending or claimed, a reply task included. */
    synchronized boolean hasWork(TenantId tenant, ConversationKey conversation) {
        return lanes.head(new Lane(tenant, conversation)) != null;
    }

    /** Removes a conversation's parked entries (retention); completed keys stay to deduplicate. */
    synchronized int removeParked(TenantId tenant, ConversationKey conversation) {
        return remove(parked, s -> s.belongsTo(tenant, conversation));
    }

    @Override
    public synchronized int deleteConversation(TenantId tenant, ConversationKey conversation) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(conversation, "conversation");
        Predicate<InboxSlot> ofIt = s -> s.belongsTo(tenant, conversation);
        List<InboxSlot> openOfIt = List.copyOf(lanes.of(new Lane(tenant, conversation)));
        openOfIt.forEach(this::close);
        int removed = openOfIt.size() + remove(parked, ofIt);
        pendingReplyTasks.remove(new Lane(tenant, conversation));
        pendingTimers.remove(new Lane(tenant, conversation));
        seen.entrySet().removeIf(e -> e.getKey().tenant().equals(tenant)
                && e.getValue().conversation().equals(conversation));
        return removed;
    }

    private InboxSlot add(TenantId tenant, ConversationKey conversation, Optional<InboundEvent> event,
            Instant notBefore, Instant now) {
        InboxSlot slot = new InboxSlot(++lastId, tenant, conversation, event, notBefore, now);
        open.put(slot.id, slot);
        lanes.add(Lane.of(slot), slot);
        return slot;
    }

    /** The entry leaves the open ones (completed, parked or deleted). */
    private void close(InboxSlot slot) {
        open.remove(slot.id);
        lanes.remove(Lane.of(slot), slot);
        claimedSlots.remove(slot.id);
    }

    private static int remove(TreeMap<Long, InboxSlot> slots, Predicate<InboxSlot> which) {
        int before = slots.size();
        slots.values().removeIf(which);
        return before - slots.size();
    }

    /** Forgets keys that arrived before a time, oldest first; open and parked entries stay known. */
    private void forgetOlderThan(Instant oldest) {
        Iterator<Seen> oldestFirst = seen.values().iterator();
        while (oldestFirst.hasNext()) {
            Seen next = oldestFirst.next();
            if (!next.arrivedAt().isBefore(oldest)) {
                return;
            }
            if (next.completedAt() != null) {
                oldestFirst.remove();
            }
        }
    }

    private InboxSlot claimed(InboxEntry entry) {
        Objects.requireNonNull(entry, "entry");
        InboxSlot slot = open.get(entry.id());
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

    /** An event's conversation, when its entry arrived and, once done, completed (null until then). */
    private record Seen(ConversationKey conversation, Instant arrivedAt, Instant completedAt) {
        Seen completed(Instant at) {
            return new Seen(conversation, arrivedAt, at);
        }
    }

    private record EventKey(TenantId tenant, ChannelType channel, String accountId, String externalId) {
        static EventKey of(TenantId tenant, InboundEvent event) {
            return new EventKey(tenant, event.header().channel(), event.header().accountId(),
                    event.header().externalId());
        }
    }
}
