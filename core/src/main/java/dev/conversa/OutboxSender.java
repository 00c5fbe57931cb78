package dev.conversa;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.SendRequest;
import dev.conversa.channel.SendResult;
import dev.conversa.conversation.internal.Ownership;
import dev.conversa.graph.GraphApiException;
import dev.conversa.graph.GraphClient;
import dev.conversa.internal.privacy.PersonConsent;
import dev.conversa.internal.store.OutboundHistory;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Conversation;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.OutboundMessage;
import dev.conversa.observe.ConversaObserver;
import dev.conversa.observe.SendOutcome;
import dev.conversa.store.LeaseLostException;
import dev.conversa.store.Outbox;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import dev.conversa.store.Stores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends outbox entries through their channel adapter, checking the {@link SendGate} at send
 * time (with the person's consent across their linked identities, read just before); a handoff's last message tells {@link Ownership} once it left. The entry becomes
 * {@code SENDING} in its own fenced step right before the request that may deliver it
 * ({@link SendingMarker}); its lease is renewed while the send runs. The outbox is the one retry layer for sends: a failure that proves nothing was done
 * (a refused connection, Meta's throttling) is tried again with backoff, honouring
 * {@code Retry-After}, up to the attempt limit; a failure after which the channel may have
 * received the message (no answer, a server error, an answer without an id, an adapter that broke
 * after its request) marks it {@code SEND_UNCERTAIN}, never resent; anything else fails the entry
 * for good and marks the message {@code FAILED}. An outcome and the message history that records
 * it commit together (one {@link dev.conversa.store.UnitOfWork}). Attempts are counted at claim time, so an entry
 * whose sending stops the process is failed once it was claimed more than {@code maxAttempts}
 * times. An account whose token Meta refused, or which Meta throttles as a whole, is parked
 * ({@link AccountParking}): its entries wait, postponed with the reason and without using up
 * attempts, until a new token is registered or the throttle's delay passed, and so is an
 * account Meta blocked for its policies, until it is unblocked or registered again; other
 * accounts go on. A business account the channel banned or restricted, and a template its
 * catalogue does not allow ({@link TemplateCheck}), fail the entry with the reason before any
 * request. Logs name entries by id and errors by code, never text or tokens.
 */
final class OutboxSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final String WORKER = "conversa-outbox";

    private final Stores stores;
    private final Map<ChannelType, ChannelAdapter> adapters;
    private final GraphClient graph;
    private final Clock clock;
    private final int maxAttempts;
    private final Backoff backoff;
    private final LeaseKeeper leases;
    private final WorkLoop<OutboxEntry> loop;
    private final Ownership ownership;
    private final AccountParking parking;
    private final ConversaObserver observer;

    OutboxSender(Stores stores, Map<ChannelType, ChannelAdapter> adapters, GraphClient graph, Clock clock,
            Dispatcher.Settings settings, LeaseKeeper leases, Ownership ownership, ConversaObserver observer,
            AccountParking parking) {
        this.stores = stores;
        this.parking = parking;
        this.observer = observer;
        this.ownership = ownership;
        this.adapters = Map.copyOf(adapters);
        this.graph = graph;
        this.clock = clock;
        this.maxAttempts = settings.maxAttempts();
        this.backoff = settings.backoff();
        this.leases = leases;
        this.loop = new WorkLoop<>(WORKER, settings.concurrency(), settings.pollInterval(),
                max -> stores.outbox().claim(WORKER, max, leases.lease(), clock.instant()), this::send, entry -> 1,
                WorkerThreads.create(WORKER, settings.concurrency()), settings.intake());
    }

    void start() {
        loop.start();
    }

    void wake() {
        loop.wake();
    }

    /**
     * Sends a claimed entry, then the entries of its conversation that were claimed, one after
     * the other, as each before them was sent ({@link Outbox#claimNext}).
     */
    void send(OutboxEntry first) {
        Optional<OutboxEntry> entry = Optional.of(first);
        while (entry.isPresent()) {
            entry = sendOne(entry.get());
        }
    }

    /** Sends one entry; returns its conversation's next entry when it was claimed once this one was sent. */
    private Optional<OutboxEntry> sendOne(OutboxEntry entry) {
        Optional<OutboxEntry> next = Optional.empty();
        try (LeaseKeeper.Held held = leases.hold("outbox entry " + entry.id(),
                (lease, now) -> stores.outbox().renew(entry, lease, now))) {
            next = attempt(entry, held);
        } catch (LeaseLostException e) {
            LOG.warn("Outbox entry {} lost its lease; if it was being sent it is marked uncertain, never resent",
                    entry.id());
        }
        if (entry.completesHandoff()) {
            handoffDelivered(entry);
        }
        return next;
    }

    /**
     * The responder's handoff message is out (or failed for good): now listeners may hear of
     * the handoff. A retried entry is not out yet.
     */
    private void handoffDelivered(OutboxEntry entry) {
        OutboxState state = stores.outbox().find(entry.tenant(), entry.id()).map(OutboxEntry::state)
                .orElse(OutboxState.DEAD);
        if (state == OutboxState.PENDING || state == OutboxState.SENDING) {
            return;
        }
        ownership.handoffMessageLeft(entry.tenant(), entry.message().to());
    }

    private Optional<OutboxEntry> attempt(OutboxEntry entry, LeaseKeeper.Held held) {
        Optional<Ready> ready = stores.unitOfWork().run(() -> prepare(entry));
        if (ready.isEmpty()) {
            return Optional.empty();
        }
        // a marker (typing, read receipt) sent twice does no harm: it stays PENDING while it goes, and
        // a process that dies meanwhile leaves it to be sent again instead of uncertain, for one
        // transaction less per reply
        boolean exactlyOnce = entry.message().content().isMessage();
        SendingMarker marker = new SendingMarker(graph, () -> {
            held.check();
            if (exactlyOnce) {
                Instant at = clock.instant();
                stores.outbox().markSending(entry, leases.lease(), at);
                held.renewedAt(at);
            }
        });
        return trySend(entry, ready.get().adapter(), ready.get().request(), marker);
    }

    /** A send that passed every check, ready to go. */
    private record Ready(ChannelAdapter adapter, SendRequest request) {
    }

    /** How a send ended, and its conversation's next entry when that was claimed as this one was sent. */
    private record Attempt(SendOutcome outcome, Optional<OutboxEntry> next) {

        static Attempt ended(SendOutcome outcome) {
            return new Attempt(outcome, Optional.empty());
        }
    }

    /**
     * Reads what the checks need in one unit of work and checks: the request to send, or empty
     * when the entry was failed or postponed instead.
     */
    private Optional<Ready> prepare(OutboxEntry entry) {
        if (entry.attempts() > maxAttempts) {
            fail(entry, "claimed " + entry.attempts() + " times without an outcome; the process may have stopped "
                    + "while sending it");
            return Optional.empty();
        }
        OutboundMessage message = entry.message();
        Instant now = clock.instant();
        ChannelAdapter adapter = adapters.get(message.to().channel());
        Optional<Conversation> conversation = stores.conversations().find(entry.tenant(), message.to());
        Optional<ChannelAccount> account = stores.accounts().findByAccountId(message.to().channel(),
                message.to().accountId()).filter(found -> found.tenant().equals(entry.tenant()));
        Optional<Instant> optedOutAt = PersonConsent.isConfirmation(entry.idempotencyKey()) ? Optional.empty()
                : PersonConsent.optedOutAt(stores, entry.tenant(), message.to().channel(), message.to().contactId());
        Optional<String> refusal = refusal(message, adapter, conversation, account, optedOutAt, now);
        if (refusal.isPresent()) {
            fail(entry, refusal.get());
            return Optional.empty();
        }
        Optional<String> limited = TemplateCheck.refusal(stores.accounts(), entry.tenant(), account.get(), message, now);
        if (limited.isPresent()) {
            fail(entry, limited.get());
            return Optional.empty();
        }
        Optional<AccountParking.Parked> parked = parking.parked(account.get(), now);
        if (parked.isPresent()) {
            postpone(entry, parked.get().lookAgainAt(now, parkedRecheck()), parked.get().reason());
            return Optional.empty();
        }
        Optional<Instant> lastInboundAt = conversation.flatMap(Conversation::lastInboundAt);
        return Optional.of(new Ready(adapter, new SendRequest(account.get(), message, lastInboundAt, now)));
    }

    private static Optional<String> refusal(OutboundMessage message, ChannelAdapter adapter,
            Optional<Conversation> conversation, Optional<ChannelAccount> account, Optional<Instant> optedOutAt,
            Instant now) {
        if (adapter == null) {
            return Optional.of("no channel adapter is registered for channel " + message.to().channel());
        }
        Optional<String> gate = SendGate.refusal(message, conversation, adapter.capabilities(), optedOutAt,
                now);
        if (gate.isPresent()) {
            return gate;
        }
        if (account.isEmpty()) {
            return Optional.of("no account " + message.to().accountId() + " is registered for this tenant on "
                    + message.to().channel());
        }
        return Optional.empty();
    }

    private Optional<OutboxEntry> trySend(OutboxEntry entry, ChannelAdapter adapter, SendRequest request,
            SendingMarker marker) {
        Instant started = clock.instant();
        Attempt attempt = attemptSend(entry, adapter, request, marker);
        Duration latency = Duration.between(started, clock.instant());
        try {
            observer.sendFinished(request.message().to().channel(), attempt.outcome(), latency);
        } catch (RuntimeException e) {
            LOG.debug("A ConversaObserver failed; ignored", e);
        }
        return attempt.next();
    }

    private Attempt attemptSend(OutboxEntry entry, ChannelAdapter adapter, SendRequest request,
            SendingMarker marker) {
        SendResult result;
        try {
            result = adapter.send(request, marker);
        } catch (LeaseLostException e) {
            throw e;
        } catch (GraphApiException e) {
            return Attempt.ended(graphFailure(entry, request.account(), e));
        } catch (IllegalArgumentException e) {
            return Attempt.ended(fail(entry, "the channel refused the message before sending: " + e.getMessage()));
        } catch (RuntimeException e) {
            LOG.debug("Outbox entry {}: the channel adapter failed", entry.id(), e);
            String failure = "the channel adapter failed with " + e.getClass().getName();
            if (marker.marked()) {
                return Attempt.ended(uncertain(entry, failure
                        + " after its request; not resent, as the channel may have received it"));
            }
            return Attempt.ended(retryOrFail(entry, failure + " before any request", Optional.empty()));
        }
        return new Attempt(SendOutcome.SENT, sent(entry, result));
    }

    /**
     * Records the entry as sent with its history and, in the same unit of work, claims the next
     * entry of its conversation (unless the sender is stopping), which this worker sends next.
     */
    private Optional<OutboxEntry> sent(OutboxEntry entry, SendResult result) {
        return stores.unitOfWork().run(() -> {
            Optional<OutboxEntry> next = Optional.empty();
            if (!loop.running() || Thread.currentThread().isInterrupted()) {
                stores.outbox().markSent(entry, result.messageId(), clock.instant());
            } else {
                next = stores.outbox().markSentAndClaimNext(entry, result.messageId(), WORKER, leases.lease(),
                        clock.instant());
            }
            OutboundHistory.settle(stores.messages(), entry, result.messageIds(), DeliveryStatus.SENT);
            return next;
        });
    }

    private SendOutcome graphFailure(OutboxEntry entry, ChannelAccount account, GraphApiException e) {
        String error = "Graph API error: HTTP " + e.httpStatus() + ", code "
                + (e.code().isPresent() ? String.valueOf(e.code().getAsInt()) : "none")
                + e.fbtraceId().map(trace -> ", fbtrace_id " + trace).orElse("");
        if (e.isOutcomeUnknown()) {
            return uncertain(entry, error + "; the channel may have received it, so it is not resent");
        }
        Instant now = clock.instant();
        Optional<AccountParking.Parked> parked =
                parking.failed(account, e, now.plus(retryDelay(entry, e.retryAfter())));
        if (parked.isPresent() && parked.get().refusedToken().isPresent()) {
            LOG.warn("Outbox entry {}: {}", entry.id(), parked.get().reason());
            postpone(entry, parked.get().lookAgainAt(now, parkedRecheck()), parked.get().reason() + "; " + error);
            return SendOutcome.POSTPONED;
        } else if (e.isRetryable()) {
            return retryOrFail(entry, error, e.retryAfter());
        }
        return fail(entry, error);
    }

    /** Tries again later when attempts are left (waiting at least what Meta asked), else fails for good. */
    private SendOutcome retryOrFail(OutboxEntry entry, String error, Optional<Duration> retryAfter) {
        if (entry.attempts() >= maxAttempts) {
            return fail(entry, error + " (after " + entry.attempts() + " attempts)");
        }
        Duration delay = retryDelay(entry, retryAfter);
        LOG.warn("Outbox entry {} failed (attempt {} of {}): {}; retrying in {}", entry.id(), entry.attempts(),
                maxAttempts, error, delay);
        stores.outbox().retry(entry, clock.instant().plus(delay), error);
        return SendOutcome.RETRIED;
    }

    private Duration retryDelay(OutboxEntry entry, Optional<Duration> retryAfter) {
        Duration backoffDelay = backoff.after(entry.attempts());
        return retryAfter.filter(wait -> wait.compareTo(backoffDelay) > 0).orElse(backoffDelay);
    }

    /** How often the entries of an account whose token was refused look for a new token: ten backoff steps. */
    private Duration parkedRecheck() {
        Duration recheck = backoff.base().multipliedBy(10);
        return recheck.compareTo(backoff.cap()) > 0 ? backoff.cap() : recheck;
    }

    /** Gives the entry back untried, without using up an attempt, until {@code notBefore}. */
    private void postpone(OutboxEntry entry, Instant notBefore, String reason) {
        LOG.debug("Outbox entry {} waits until {}: {}", entry.id(), notBefore, reason);
        stores.outbox().postpone(entry, notBefore, reason);
    }

    private SendOutcome uncertain(OutboxEntry entry, String reason) {
        LOG.warn("Outbox entry {} is uncertain: {}", entry.id(), reason);
        stores.unitOfWork().run(() -> {
            stores.outbox().markUncertain(entry, reason);
            OutboundHistory.settle(stores.messages(), entry, List.of(), DeliveryStatus.SEND_UNCERTAIN);
        });
        return SendOutcome.UNCERTAIN;
    }

    private SendOutcome fail(OutboxEntry entry, String reason) {
        LOG.warn("Outbox entry {} failed for good: {}", entry.id(), reason);
        stores.unitOfWork().run(() -> {
            stores.outbox().markDead(entry, reason);
            OutboundHistory.settle(stores.messages(), entry, List.of(), DeliveryStatus.FAILED);
        });
        return SendOutcome.DEAD;
    }

    /**
     * Counts the accounts parked because Meta refused their token and still registered with
     * that token (for health checks).
     */
    int accountsWithRefusedToken() {
        return parking.refusedTokens((channel, accountId) -> stores.accounts().findByAccountId(channel, accountId));
    }

    @Override
    public void close() {
        loop.close();
    }
}
