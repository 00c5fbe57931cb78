package dev.conversa.jdbc;

import dev.conversa.model.InboundMessage;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.Text;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.Stores;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One simulated Conversa process: a worker loop that claims inbox entries, handles each (notes
 * it in the {@link Ledger}, records a reply in the outbox under an idempotency key, completes
 * the entry), and sends claimed replies one at a time, as the outbox sender does: claim (the
 * entry stays pending), prepare, {@code markSending}, the request to a stand-in channel that
 * notes every send, {@code markSent}. It can be told to die abruptly after a number of
 * handlings, of sends prepared (before {@code markSending}) or of sends made (after the channel
 * accepted, before {@code markSent}): it then stops between two store calls, leaving its claims
 * to expire.
 */
final class Instance {

    static final Duration LEASE = Duration.ofSeconds(30);

    private final String name;
    private final Stores stores;
    private final Clock clock;
    private final Ledger ledger;
    private int handlingsBeforeCrash;
    private int preparationsBeforeCrash;
    private int sendsBeforeCrash;
    private boolean dead;

    private Instance(String name, Stores stores, Clock clock, Ledger ledger, int handlings, int preparations,
            int sends) {
        this.name = name;
        this.stores = stores;
        this.clock = clock;
        this.ledger = ledger;
        this.handlingsBeforeCrash = handlings;
        this.preparationsBeforeCrash = preparations;
        this.sendsBeforeCrash = sends;
    }

    /** An instance that never dies. */
    static Instance healthy(String name, Stores stores, Clock clock, Ledger ledger) {
        return new Instance(name, stores, clock, ledger, -1, -1, -1);
    }

    /** An instance that dies right before completing its n-th handled event. */
    static Instance dyingWhileHandling(int n, Stores stores, Clock clock, Ledger ledger) {
        return new Instance("doomed", stores, clock, ledger, n, -1, -1);
    }

    /** An instance that dies while preparing its n-th reply: claimed, not yet marked sending. */
    static Instance dyingBeforeSending(int n, Stores stores, Clock clock, Ledger ledger) {
        return new Instance("doomed", stores, clock, ledger, -1, n, -1);
    }

    /** An instance that dies after the channel accepted its n-th reply, before recording it. */
    static Instance dyingWhileSending(int n, Stores stores, Clock clock, Ledger ledger) {
        return new Instance("doomed", stores, clock, ledger, -1, -1, n);
    }

    /** Works until nothing is left to claim, or until it dies. */
    void runUntilIdle() {
        while (!dead) {
            boolean handled = handleInbox();
            boolean sent = !dead && sendOutbox();
            if (!handled && !sent) {
                return;
            }
        }
    }

    boolean isDead() {
        return dead;
    }

    /** One round over the inbox; returns whether it claimed anything. */
    boolean handleInbox() {
        List<InboxEntry> claimed = stores.inbox().claim(name, 5, LEASE, clock.instant());
        for (InboxEntry entry : claimed) {
            InboundMessage message = (InboundMessage) entry.event().orElseThrow();
            ledger.handled(name, entry.conversation(), message.messageId());
            stores.outbox().enqueue(entry.tenant(), OutboundMessage.text(entry.conversation(),
                    "re: " + message.messageId()), "inbox:" + entry.id() + ":0", clock.instant());
            handlingsBeforeCrash--;
            if (handlingsBeforeCrash == 0) {
                dead = true;
                return true;
            }
            stores.inbox().complete(entry, clock.instant());
        }
        return !claimed.isEmpty();
    }

    /** One round over the outbox; returns whether it claimed anything. */
    boolean sendOutbox() {
        List<OutboxEntry> claimed = stores.outbox().claim(name, 1, LEASE, clock.instant());
        for (OutboxEntry claim : claimed) {
            preparationsBeforeCrash--;
            if (preparationsBeforeCrash == 0) {
                dead = true;
                return true;
            }
            OutboxEntry entry = stores.outbox().markSending(claim, LEASE, clock.instant());
            String body = ((Text) entry.message().content()).body();
            ledger.sent(entry.message().to(), body.substring("re: ".length()));
            sendsBeforeCrash--;
            if (sendsBeforeCrash == 0) {
                dead = true;
                return true;
            }
            stores.outbox().markSent(entry, Optional.of("wamid.out." + entry.id()), clock.instant());
        }
        return !claimed.isEmpty();
    }
}
