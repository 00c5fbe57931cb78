package dev.conversa.testsupport;

import dev.conversa.model.ConversationKey;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.TenantId;
import dev.conversa.store.Inbox;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.PurgeScope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An inbox that hands every call to a real one: test doubles extend it and override only the
 * calls they watch or break. Thread-safe if the wrapped inbox is.
 */
public abstract class ForwardingInbox implements Inbox {

    private final Inbox delegate;

    /**
     * Wraps an inbox.
     *
     * @param delegate the real inbox
     */
    protected ForwardingInbox(Inbox delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public List<InboxEntry> append(TenantId tenant, List<InboundEvent> events, Instant now) {
        return delegate.append(tenant, events, now);
    }

    @Override
    public void scheduleReply(TenantId tenant, ConversationKey conversation, Instant due, Instant now) {
        delegate.scheduleReply(tenant, conversation, due, now);
    }

    @Override
    public void scheduleTimer(TenantId tenant, ConversationKey conversation, Instant due, Instant now) {
        delegate.scheduleTimer(tenant, conversation, due, now);
    }

    @Override
    public List<InboxEntry> claimStatusRun(String worker, InboxEntry held, int max, Duration lease, Instant now) {
        return delegate.claimStatusRun(worker, held, max, lease, now);
    }

    @Override
    public List<InboxEntry> claim(String worker, int max, Duration lease, Instant now) {
        return delegate.claim(worker, max, lease, now);
    }

    @Override
    public void renew(InboxEntry entry, Duration lease, Instant now) {
        delegate.renew(entry, lease, now);
    }

    @Override
    public void complete(InboxEntry entry, Instant now) {
        delegate.complete(entry, now);
    }

    @Override
    public void retry(InboxEntry entry, Instant notBefore, String reason) {
        delegate.retry(entry, notBefore, reason);
    }

    @Override
    public void park(InboxEntry entry, String reason) {
        delegate.park(entry, reason);
    }

    @Override
    public List<InboxEntry> parked(TenantId tenant, int limit) {
        return delegate.parked(tenant, limit);
    }

    @Override
    public boolean hasWaiting(TenantId tenant, ConversationKey conversation) {
        return delegate.hasWaiting(tenant, conversation);
    }

    @Override
    public long pendingCount() {
        return delegate.pendingCount();
    }

    @Override
    public long parkedCount() {
        return delegate.parkedCount();
    }

    @Override
    public Optional<Instant> oldestPendingAt() {
        return delegate.oldestPendingAt();
    }

    @Override
    public int purgeCompleted(Instant before) {
        return delegate.purgeCompleted(before);
    }

    @Override
    public int purgeProcessed(PurgeScope scope, Instant cutoff, int limit) {
        return delegate.purgeProcessed(scope, cutoff, limit);
    }

    @Override
    public int deleteConversation(TenantId tenant, ConversationKey conversation) {
        return delegate.deleteConversation(tenant, conversation);
    }
}
