package dev.conversa.webhook;

import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.WebhookPayload;
import dev.conversa.internal.privacy.ErasureGuard;
import dev.conversa.model.AccountEvent;
import dev.conversa.model.ChannelType;
import dev.conversa.model.EventHeader;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.TenantId;
import dev.conversa.store.AccountStore;
import dev.conversa.store.DeadLetter;
import dev.conversa.store.DeadLetterStore;
import dev.conversa.store.Inbox;
import dev.conversa.store.InboxEntry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps after a body was verified and parsed: route it to the adapter of its
 * {@code "object"}, normalize it, keep only fresh events of registered accounts, append them to
 * the inbox per tenant, and tell the listener. An {@link AccountEvent} is addressed to a business
 * account (a WhatsApp Business Account), not to a registered account: it goes to every tenant
 * with an account grouped under it ({@code ChannelAccount.businessAccountId()}). An event
 * delivered again in another body is appended again, and the inbox's unique key refuses it: a
 * table of recent events in front of it cost a cache miss per event on every webhook, for a case
 * that Meta's redeliveries (the same body again, which {@link #knows} answers) seldom make.
 * Thread-safe.
 */
final class EventIntake {

    private static final Logger LOG = LoggerFactory.getLogger(EventIntake.class);
    /** Bodies remembered as stored, at most. */
    private static final int RECENT_BODIES = 1 << 16;
    static final String RECEIVED = "EVENT_RECEIVED";
    /** The answer to a body taken care of; immutable, so one serves every webhook. */
    static final WebhookResponse ACKNOWLEDGED = WebhookResponse.text(200, RECEIVED);

    private final Map<String, ChannelAdapter> adapters;
    private final AccountStore accounts;
    private final Inbox inbox;
    private final Clock clock;
    private final Duration replayWindow;
    private final Consumer<List<InboxEntry>> onAppended;
    private final RecentKeys bodies = new RecentKeys(RECENT_BODIES);
    private final LogOnce unknownObjects = new LogOnce();
    private final LogOnce unknownAccounts = new LogOnce();
    private final LogOnce unreadable = new LogOnce();
    private final DeadLetterStore deadLetters;
    private final ErasureGuard erasureGuard;

    EventIntake(Map<String, ChannelAdapter> adapters, AccountStore accounts, Inbox inbox, DeadLetterStore deadLetters,
            Clock clock, Duration replayWindow, Consumer<List<InboxEntry>> onAppended, ErasureGuard erasureGuard) {
        this.adapters = Map.copyOf(adapters);
        this.accounts = accounts;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.replayWindow = replayWindow;
        this.onAppended = onAppended;
        this.erasureGuard = erasureGuard;
        if (erasureGuard != null) {
            erasureGuard.onErasure(bodies::clear);
        }
    }

    /**
     * Whether a body with this signature had every event of it stored (or left out for good:
     * stale, or of an erased person), as far as this handler remembers; such a body is answered
     * again without being read.
     */
    boolean knows(BodyKey body) {
        return bodies.contains(body.high(), body.low());
    }

    /**
     * Stores a body's events, and remembers the body ({@link #knows}) when every one of them is
     * in the inbox or left out for good; not when an event's account is not registered (it may
     * be by the next delivery), nor when the body could not be read or stored.
     */
    WebhookResponse accept(WebhookPayload payload, BodyKey body) {
        ChannelAdapter adapter = adapters.get(payload.object());
        if (adapter == null) {
            if (unknownObjects.first(payload.object())) {
                LOG.warn("Webhook for object '{}' acknowledged and ignored: no channel handles it",
                        printable(payload.object()));
            }
            return ACKNOWLEDGED;
        }
        List<InboundEvent> events;
        try {
            events = adapter.normalize(payload);
        } catch (IllegalArgumentException e) {
            return keepUnreadable(payload, adapter);
        }
        Instant now = clock.instant();
        Routed routed = byTenant(events, now);
        WebhookResponse response = append(routed.batches(), now);
        if (routed.everyEventRouted() && response.status() == 200) {
            bodies.add(body.high(), body.low());
        }
        return response;
    }

    /**
     * A verified body its channel cannot read: acknowledged (Meta would deliver it again for
     * days and may disable the subscription) and kept as a dead letter, logged once per channel.
     * If it cannot be kept, 500, so Meta delivers it again.
     */
    private WebhookResponse keepUnreadable(WebhookPayload payload, ChannelAdapter adapter) {
        String reason = "the payload does not have the shape of the " + adapter.type() + " channel";
        DeadLetter letter;
        try {
            letter = deadLetters.record(payload.object(), reason,
                    StandardCharsets.UTF_8.decode(payload.body()).toString(), clock.instant());
        } catch (RuntimeException e) {
            LOG.error("Keeping an unreadable {} webhook as a dead letter failed with {}; answering 500 so Meta "
                    + "delivers it again", adapter.type(), e.getClass().getName());
            LOG.debug("Keeping a dead letter failed", e);
            return WebhookResponse.text(500, "the payload could not be stored; deliver again");
        }
        if (unreadable.first(adapter.type())) {
            LOG.warn("A verified {} webhook could not be read; acknowledged and kept as dead letter {} (later ones "
                    + "are logged at DEBUG)", adapter.type(), letter.id());
        } else {
            LOG.debug("A verified {} webhook could not be read; kept as dead letter {}", adapter.type(), letter.id());
        }
        return ACKNOWLEDGED;
    }

    /**
     * The fresh events of registered accounts, grouped by tenant in order of arrival. Most
     * webhooks carry events of one account, so the lookup of the last account is reused and no
     * map is made for one tenant.
     */
    private Routed byTenant(List<InboundEvent> events, Instant now) {
        List<Batch> batches = new ArrayList<>(1);
        Map<AccountKey, Optional<TenantId>> found = null;
        AccountKey lastKey = null;
        Optional<TenantId> lastTenant = Optional.empty();
        Instant oldest = now.minus(replayWindow);
        int stale = 0;
        boolean everyEventRouted = true;
        for (InboundEvent event : events) {
            EventHeader header = event.header();
            if (header.timestamp().isBefore(oldest)) {
                stale++;
                continue;
            }
            if (event instanceof AccountEvent) {
                Set<TenantId> tenants = lookUpBusiness(new AccountKey(header.channel(), header.accountId()));
                tenants.forEach(tenant -> batchOf(batches, tenant).events().add(event));
                everyEventRouted &= !tenants.isEmpty();
                continue;
            }
            if (lastKey == null || lastKey.channel() != header.channel()
                    || !lastKey.accountId().equals(header.accountId())) {
                if (lastKey != null && found == null) {
                    found = new HashMap<>();
                    found.put(lastKey, lastTenant);
                }
                lastKey = new AccountKey(header.channel(), header.accountId());
                lastTenant = found == null ? lookUp(lastKey) : found.computeIfAbsent(lastKey, this::lookUp);
            }
            if (lastTenant.isPresent()) {
                batchOf(batches, lastTenant.get()).events().add(event);
            } else {
                everyEventRouted = false;
            }
        }
        if (stale > 0) {
            LOG.warn("Ignored {} webhook event(s) older than the replay window of {}", stale, replayWindow);
        }
        return new Routed(batches, everyEventRouted);
    }

    private static Batch batchOf(List<Batch> batches, TenantId tenant) {
        for (Batch batch : batches) {
            if (batch.tenant().equals(tenant)) {
                return batch;
            }
        }
        Batch batch = new Batch(tenant, new ArrayList<>());
        batches.add(batch);
        return batch;
    }

    private Optional<TenantId> lookUp(AccountKey key) {
        Optional<TenantId> account = accounts.findTenant(key.channel(), key.accountId());
        if (account.isEmpty() && unknownAccounts.first(key)) {
            LOG.warn("Webhook events for unregistered {} account {} acknowledged and not stored",
                    key.channel(), printable(key.accountId()));
        }
        return account;
    }

    private Set<TenantId> lookUpBusiness(AccountKey key) {
        Set<TenantId> tenants = accounts.findTenantsByBusinessAccountId(key.channel(), key.accountId());
        if (tenants.isEmpty() && unknownAccounts.first(key)) {
            LOG.warn("Webhook events for {} business account {}, which no registered account names, acknowledged "
                    + "and not stored", key.channel(), printable(key.accountId()));
        }
        return tenants;
    }

    private WebhookResponse append(List<Batch> batches, Instant now) {
        for (Batch batch : batches) {
            List<InboxEntry> appended;
            List<InboundEvent> events;
            try {
                events = erasureGuard == null ? batch.events()
                        : erasureGuard.keepNotErased(batch.tenant(), batch.events());
                appended = events.isEmpty() ? List.of() : inbox.append(batch.tenant(), events, now);
            } catch (RuntimeException e) {
                LOG.error("Inbox append failed for tenant {} with {}; answering 500 so Meta delivers again",
                        batch.tenant(), e.getClass().getName());
                LOG.debug("Inbox append failed", e);
                return WebhookResponse.text(500, "the events could not be stored; deliver again");
            }
            notifyAppended(appended);
        }
        return ACKNOWLEDGED;
    }

    private void notifyAppended(List<InboxEntry> appended) {
        if (appended.isEmpty()) {
            return;
        }
        try {
            onAppended.accept(appended);
        } catch (RuntimeException e) {
            LOG.warn("The onAppended listener failed with {}; the events are stored and will be processed",
                    e.getClass().getName());
            LOG.debug("The onAppended listener failed", e);
        }
    }

    /** A value from a payload, safe to put in a log line. */
    private static String printable(String value) {
        if (value.isEmpty()) {
            return "(none)";
        }
        return value.matches("[A-Za-z0-9_.:-]{1,64}") ? value : "<" + value.length() + " unprintable chars>";
    }

    /** Identifies a business account. */
    private record AccountKey(ChannelType channel, String accountId) {
    }

    /** The events of one tenant in one webhook. */
    private record Batch(TenantId tenant, List<InboundEvent> events) {
    }

    /** A webhook's events by tenant, and whether each one found its tenant (or was left out for good). */
    private record Routed(List<Batch> batches, boolean everyEventRouted) {
    }
}
