package dev.conversa.testsupport;

import dev.conversa.model.InboundEvent;
import dev.conversa.model.TenantId;
import dev.conversa.store.Inbox;
import dev.conversa.store.InboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real inbox that remembers every event its {@link #append} stored, that is every inbox entry
 * an event created, so a test can count them; a redelivery the inbox recognized adds none. Every
 * call goes to the wrapped inbox. Thread-safe if the wrapped inbox is.
 */
public final class RecordingInbox extends ForwardingInbox {

    private final List<String> stored = new CopyOnWriteArrayList<>();
    private final AtomicInteger appends = new AtomicInteger();
    private final AtomicInteger claimsWithWork = new AtomicInteger();

    /**
     * Wraps an inbox.
     *
     * @param delegate the real inbox
     */
    public RecordingInbox(Inbox delegate) {
        super(delegate);
    }

    /**
     * The external ids of the events stored so far, one per entry created, in order.
     *
     * @return the ids
     */
    public List<String> storedEventIds() {
        return List.copyOf(stored);
    }

    /**
     * How many times {@link #append} was called, each one transaction of the inbox.
     *
     * @return the count
     */
    public int appendCalls() {
        return appends.get();
    }

    /**
     * How many calls to {@link #claim} and {@link #claimStatusRun} claimed at least one entry, each
     * one transaction of the inbox.
     *
     * @return the count
     */
    public int claimsWithWork() {
        return claimsWithWork.get();
    }

    @Override
    public List<InboxEntry> claim(String worker, int max, Duration lease, Instant now) {
        return counted(super.claim(worker, max, lease, now));
    }

    @Override
    public List<InboxEntry> claimStatusRun(String worker, InboxEntry held, int max, Duration lease, Instant now) {
        return counted(super.claimStatusRun(worker, held, max, lease, now));
    }

    private List<InboxEntry> counted(List<InboxEntry> claimed) {
        if (!claimed.isEmpty()) {
            claimsWithWork.incrementAndGet();
        }
        return claimed;
    }

    @Override
    public List<InboxEntry> append(TenantId tenant, List<InboundEvent> events, Instant now) {
        appends.incrementAndGet();
        List<InboxEntry> created = super.append(tenant, events, now);
        created.forEach(entry -> entry.event().ifPresent(event -> stored.add(event.header().externalId())));
        return created;
    }
}
