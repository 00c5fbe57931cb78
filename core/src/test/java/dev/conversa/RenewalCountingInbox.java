package dev.conversa;

import dev.conversa.model.ConversationKey;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.TenantId;
import dev.conversa.store.Inbox;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.PurgeScope;
import dev.conversa.store.LeaseLostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real inbox that counts lease renewals and can be told to refuse them, as when another worker
 * took the entry over. Thread-safe if the wrapped inbox is.
 */
final class RenewalCountingInbox implements Inbox {

    private final Inbox delegate;
    private final AtomicInteger renewals = new AtomicInteger();
    private final AtomicBoolean refuse = new AtomicBoolean();

    RenewalCountingInbox(Inbox delegate) {
        this.delegate = delegate;
    }

    int renewals() {
        return renewals.get();
    }

    void refuseRenewals(boolean refusing) {
        refuse.set(refusing);
    }

    @Override
    public void renew(InboxEntry entry, Duration lease, Instant now) {
        renewals.incrementAndGet();
        if (refuse.get()) {
            throw new LeaseLostException("inbox entry " + entry.id() + " taken over (test)");
        }
        delegate.renew(entry, lease, now);
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
    public List<InboxEntry> claim(String worker, int max, Duration lease, Instant now) {
        return delegate.claim(worker, max, lease, now);
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
    public long pendingCount() {
        return delegate.pendingCount();
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
