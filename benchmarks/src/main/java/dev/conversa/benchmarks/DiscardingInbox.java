package dev.conversa.benchmarks;

import dev.conversa.model.ConversationKey;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.TenantId;
import dev.conversa.store.Inbox;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.PurgeScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An inbox that counts what it is given and keeps nothing, so a benchmark of the webhook
 * thread measures its CPU path and not a store. Appends answer as a real inbox would (one entry
 * per event, increasing ids); nothing can be claimed. Not thread-safe (one per benchmark thread).
 */
final class DiscardingInbox implements Inbox {

    private long appended;

    /** Events appended so far. */
    long appended() {
        return appended;
    }

    @Override
    public List<InboxEntry> append(TenantId tenant, List<InboundEvent> events, Instant now) {
        List<InboxEntry> entries = new ArrayList<>(events.size());
        for (InboundEvent event : events) {
            entries.add(new InboxEntry(++appended, tenant, event.header().conversation(), Optional.of(event), now, 0, 0));
        }
        return entries;
    }

    @Override
    public void scheduleReply(TenantId tenant, ConversationKey conversation, Instant due, Instant now) {
        throw unsupported();
    }

    @Override
    public void scheduleTimer(TenantId tenant, ConversationKey conversation, Instant due, Instant now) {
        throw unsupported();
    }

    @Override
    public List<InboxEntry> claim(String worker, int max, Duration lease, Instant now) {
        return List.of();
    }

    @Override
    public void renew(InboxEntry entry, Duration lease, Instant now) {
        throw unsupported();
    }

    @Override
    public void complete(InboxEntry entry, Instant now) {
        throw unsupported();
    }

    @Override
    public void retry(InboxEntry entry, Instant notBefore, String reason) {
        throw unsupported();
    }

    @Override
    public void park(InboxEntry entry, String reason) {
        throw unsupported();
    }

    @Override
    public List<InboxEntry> parked(TenantId tenant, int limit) {
        return List.of();
    }

    @Override
    public long pendingCount() {
        return 0;
    }

    @Override
    public long parkedCount() {
        return 0;
    }

    @Override
    public Optional<Instant> oldestPendingAt() {
        return Optional.empty();
    }

    @Override
    public int purgeCompleted(Instant before) {
        return 0;
    }

    @Override
    public int deleteConversation(TenantId tenant, ConversationKey conversation) {
        return 0;
    }

    @Override
    public int purgeProcessed(PurgeScope scope, Instant cutoff, int limit) {
        return 0;
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("the benchmark's inbox only counts appends");
    }
}
