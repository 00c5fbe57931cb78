package dev.conversa.conversation.internal;

import dev.conversa.agent.AgentQueue;
import dev.conversa.agent.HandoffEvent;
import dev.conversa.agent.SlaPolicy;
import dev.conversa.conversation.StateChange;
import dev.conversa.conversation.StateChangeListener;
import dev.conversa.model.Author;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.Direction;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.TenantId;
import dev.conversa.store.AuditEvent;
import dev.conversa.store.Stores;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Who may speak in a conversation: the one place that changes it, stores it through the
 * {@link ConversationUpdates} loop, records it in the audit log and tells the host's
 * {@link StateChangeListener}s.
 *
 * <p>The states ({@link ConversationState}) and their transitions:
 * <ul>
 *   <li>{@code BOT → WAITING_FOR_AGENT}: the responder hands off ({@link #handOffByResponder}).
 *       Listeners hear it at once, or, when the handoff sends the customer a last message, once
 *       that message left the outbox ({@link #handoffMessageLeft}), so that a listener that gives
 *       the thread to another app does so after the bot's last word.
 *   <li>{@code any → WITH_AGENT} or {@code → BOT}: the channel says a person answered from
 *       elsewhere, or who holds the thread ({@link #changeByChannel}).
 *   <li>{@code any → any}: the host decides ({@link #changeByHost}); giving the conversation
 *       back to the bot while the customer's last message is unanswered lets the bot answer it.
 *   <li>{@code WAITING_FOR_AGENT → WITH_AGENT → BOT, CLOSED or WAITING_FOR_AGENT}: an agent
 *       takes, releases, closes or transfers it through the agents facade
 *       ({@link #changeByAgent}), after the agent store recorded the assignment.
 *   <li>{@code CLOSED → BOT}: the customer writes again (the RECORD step, which tells
 *       {@link #reopenedByCustomer}).
 * </ul>
 * Leaving {@code BOT} clears a pending bot reply. A bot message goes out in {@code BOT} and
 * {@code WAITING_FOR_AGENT} (there its last words belong to the handoff), and is discarded in
 * {@code WITH_AGENT} and {@code CLOSED} ({@link #botMessageRefusal}).
 *
 * <p>Entering {@code WAITING_FOR_AGENT} puts the conversation in a queue of the agent store (the
 * handoff's queue or the tenant's default); going back to the bot or closing takes it out.
 *
 * <p><b>Internal:</b> public only because the facade, the pipeline and the outbox sender, in
 * three packages, call it. Immutable and thread-safe.
 */
public final class Ownership {

    /** The actor of what Conversa does by itself (SLA timers) in the audit log. */
    public static final String SYSTEM_ACTOR = "system";

    /** Why a message from the bot is discarded after a person took over. */
    public static final String TAKEN_OVER = "discarded: a person took over the conversation, or it was closed";

    private final Stores stores;
    private final Clock clock;
    private final ConversationUpdates updates;
    private final StateNotifier notifier;

    /**
     * Creates the ownership rules over the stores.
     *
     * @param stores the stores
     * @param clock the clock
     * @param listeners the host's listeners, in order
     */
    public Ownership(Stores stores, Clock clock, List<StateChangeListener> listeners) {
        this.stores = stores;
        this.clock = clock;
        this.updates = new ConversationUpdates(stores.conversations());
        this.notifier = new StateNotifier(listeners, stores.accounts());
    }

    /**
     * Tells why a message must not go because of who holds the conversation.
     *
     * @param message the message about to be sent
     * @param conversation the conversation as stored now, if any
     * @return {@link #TAKEN_OVER} for a bot message while a person holds the conversation or it
     *     is closed; otherwise empty
     */
    public static Optional<String> botMessageRefusal(OutboundMessage message, Optional<Conversation> conversation) {
        boolean personHoldsOrClosed = conversation.map(Conversation::state)
                .filter(state -> state == ConversationState.WITH_AGENT || state == ConversationState.CLOSED)
                .isPresent();
        return message.author() == Author.BOT && personHoldsOrClosed ? Optional.of(TAKEN_OVER) : Optional.empty();
    }

    /**
     * The host sets who answers a conversation.
     *
     * @param tenant the business
     * @param key the conversation
     * @param state the new state
     * @return the conversation as stored
     * @throws NoSuchElementException if the conversation does not exist
     * @throws dev.conversa.lang.ConversaException if the conversation keeps changing concurrently
     */
    public Conversation changeByHost(TenantId tenant, ConversationKey key, ConversationState state) {
        Conversation stored = change(tenant, key, state, StateChange.Origin.HOST, Optional.empty(), current -> true);
        if (state == ConversationState.WAITING_FOR_AGENT) {
            String queue = defaultQueue(tenant);
            if (stores.agents().enqueue(tenant, key, queue, "host", clock.instant())) {
                recordStep(tenant, key, HandoffEvent.Kind.QUEUED, Optional.of(queue), Optional.empty());
                scheduleSla(tenant, key);
            }
        } else if (state != ConversationState.WITH_AGENT && stores.agents().dequeue(tenant, key)) {
            recordStep(tenant, key, state == ConversationState.CLOSED ? HandoffEvent.Kind.CLOSED
                    : HandoffEvent.Kind.RELEASED, Optional.empty(), Optional.empty());
        }
        return stored;
    }

    /**
     * An agent sets who answers a conversation, after the agent store recorded the assignment;
     * the change is skipped when {@code stillValid} says the assignment changed meanwhile.
     *
     * @param tenant the business
     * @param key the conversation
     * @param state the new state
     * @param agent the agent's id, the actor in the audit log and for listeners
     * @param stillValid tells, from the stored conversation, whether the change still applies;
     *     may run more than once, so it must have no side effects
     * @return the conversation as stored
     * @throws NoSuchElementException if the conversation does not exist
     * @throws dev.conversa.lang.ConversaException if the conversation keeps changing concurrently
     */
    public Conversation changeByAgent(TenantId tenant, ConversationKey key, ConversationState state, String agent,
            Predicate<Conversation> stillValid) {
        return change(tenant, key, state, StateChange.Origin.AGENT, Optional.of(agent), stillValid);
    }

    /**
     * Conversa changes who answers by a queue's SLA, after the agent store recorded it; the
     * change is skipped when {@code stillValid} says the assignment changed meanwhile. Recorded
     * with {@link #SYSTEM_ACTOR} as actor, told with origin {@code SYSTEM}.
     *
     * @param tenant the business
     * @param key the conversation
     * @param state the new state
     * @param stillValid tells, from the stored conversation, whether the change still applies
     * @return the conversation as stored
     * @throws NoSuchElementException if the conversation does not exist
     */
    public Conversation changeBySystem(TenantId tenant, ConversationKey key, ConversationState state,
            Predicate<Conversation> stillValid) {
        return change(tenant, key, state, StateChange.Origin.SYSTEM, Optional.empty(), stillValid);
    }

    /**
     * The service levels of a tenant's queue.
     *
     * @param tenant the business
     * @param queue the queue's id
     * @return its policy, or {@link SlaPolicy#none()} when the queue is not saved
     */
    public SlaPolicy sla(TenantId tenant, String queue) {
        return stores.agents().listQueues(tenant).stream().filter(q -> q.id().equals(queue)).findFirst()
                .map(AgentQueue::sla).orElse(SlaPolicy.none());
    }

    /**
     * Schedules the SLA check of a conversation handed to a person, as a durable timer in the
     * inbox, when its queue has a limit for where it is now: waiting (the wait limit from when
     * it was queued) or held by an agent (the answer limit from when it was taken).
     *
     * @param tenant the business
     * @param key the conversation
     */
    public void scheduleSla(TenantId tenant, ConversationKey key) {
        stores.agents().findAssignment(tenant, key).ifPresent(assignment -> {
            SlaPolicy sla = sla(tenant, assignment.queue());
            Optional<Instant> due = assignment.waiting()
                    ? sla.waitLimit().map(limit -> assignment.queuedAt().plus(limit))
                    : sla.answerLimit().flatMap(limit -> assignment.assignedAt().map(at -> at.plus(limit)));
            due.ifPresent(at -> stores.inbox().scheduleTimer(tenant, key, at, clock.instant()));
        });
    }

    private Conversation change(TenantId tenant, ConversationKey key, ConversationState state,
            StateChange.Origin origin, Optional<String> agent, Predicate<Conversation> stillValid) {
        Instant now = clock.instant();
        ConversationState[] before = new ConversationState[1];
        AtomicReference<Optional<Instant>> waitingSince = new AtomicReference<>(Optional.empty());
        Conversation stored = updates.applyIfExists(tenant, key, current -> {
            before[0] = current.state();
            if (!stillValid.test(current)) {
                before[0] = state;
                return current;
            }
            boolean resumes = state.botMaySpeak() && !current.state().botMaySpeak();
            waitingSince.set(resumes ? unansweredSince(tenant, key) : Optional.empty());
            Conversation changed = current.withState(state, now);
            if (!state.botMaySpeak() || waitingSince.get().isPresent()) {
                changed = changed.withReplyDue(waitingSince.get().map(since -> now), waitingSince.get(), now);
            }
            return changed;
        }).orElseThrow(() -> new NoSuchElementException("no such conversation in this tenant"));
        if (before[0] == state && (origin == StateChange.Origin.AGENT || origin == StateChange.Origin.SYSTEM)) {
            return stored;
        }
        if (origin == StateChange.Origin.SYSTEM) {
            auditAs(tenant, now, "ownership", before[0], state, "sla", Optional.of(SYSTEM_ACTOR));
        } else {
            audit(tenant, now, "ownership", before[0], state, agent.map(id -> "agent").orElse("host"), agent);
        }
        waitingSince.get().ifPresent(since -> stores.inbox().scheduleReply(tenant, key, now, now));
        notifier.changed(tenant, key, before[0], state, origin, agent);
        return stored;
    }

    /**
     * The channel says who answers: a person answered from elsewhere, or another app holds the
     * thread ({@code WITH_AGENT}), or our app got it back ({@code BOT}). Opens the conversation
     * if needed; does nothing when it is already in that state.
     *
     * @param tenant the business
     * @param key the conversation
     * @param state the new state
     * @param cause the kind of event that told, for the audit log
     */
    public void changeByChannel(TenantId tenant, ConversationKey key, ConversationState state, String cause) {
        Instant now = clock.instant();
        ConversationState[] before = new ConversationState[1];
        updates.apply(tenant, key, now, current -> {
            before[0] = current.state();
            return current.state() == state
                    ? current
                    : current.withState(state, now).withReplyDue(Optional.empty(), Optional.empty(), now);
        });
        if (before[0] == state) {
            return;
        }
        if (state.botMaySpeak() && stores.agents().dequeue(tenant, key)) {
            recordStep(tenant, key, HandoffEvent.Kind.RELEASED, Optional.empty(), Optional.empty());
        }
        audit(tenant, now, "ownership", before[0], state, cause, Optional.empty());
        notifier.changed(tenant, key, before[0], state, StateChange.Origin.CHANNEL);
    }

    /**
     * The customer wrote in a closed conversation, which the RECORD step reopened to the bot:
     * recorded in the audit log and told to the listeners ({@code CLOSED → BOT}, origin
     * {@code CUSTOMER}).
     *
     * @param tenant the business
     * @param key the conversation
     */
    public void reopenedByCustomer(TenantId tenant, ConversationKey key) {
        Instant now = clock.instant();
        audit(tenant, now, "ownership", ConversationState.CLOSED, ConversationState.BOT, "customer", Optional.empty());
        notifier.changed(tenant, key, ConversationState.CLOSED, ConversationState.BOT, StateChange.Origin.CUSTOMER);
    }

    /**
     * The bot answered, or stayed silent: the due reply is cleared.
     *
     * @param tenant the business
     * @param key the conversation
     */
    public void replyDone(TenantId tenant, ConversationKey key) {
        replyDone(tenant, key, Optional.empty());
    }

    /**
     * As {@link #replyDone(TenantId, ConversationKey)}, starting from the conversation as read
     * before the reply (it is read again only if it changed since).
     *
     * @param tenant the business
     * @param key the conversation
     * @param known the conversation as last read, if any
     */
    public void replyDone(TenantId tenant, ConversationKey key, Optional<Conversation> known) {
        Instant now = clock.instant();
        updates.applyIfExists(tenant, key, known,
                current -> current.withReplyDue(Optional.empty(), Optional.empty(), now));
    }

    /**
     * The responder hands the conversation to a person: the due reply is cleared and, if the bot
     * still holds it, it becomes {@code WAITING_FOR_AGENT}.
     *
     * @param tenant the business
     * @param key the conversation
     * @param tellListenersNow false when a last message to the customer is queued: listeners then
     *     hear of the handoff from {@link #handoffMessageLeft} once it left the outbox
     */
    public void handOffByResponder(TenantId tenant, ConversationKey key, boolean tellListenersNow) {
        handOffByResponder(tenant, key, tellListenersNow, "responder", Optional.empty());
    }

    /**
     * The responder hands the conversation to a person, as {@link #handOffByResponder(TenantId,
     * ConversationKey, boolean)}, and the conversation waits in a queue.
     *
     * @param tenant the business
     * @param key the conversation
     * @param tellListenersNow false when a last message to the customer is queued
     * @param reason why, for the agents
     * @param queue the queue to wait in, or empty for the tenant's default queue
     */
    public void handOffByResponder(TenantId tenant, ConversationKey key, boolean tellListenersNow, String reason,
            Optional<String> queue) {
        Instant now = clock.instant();
        ConversationState[] before = new ConversationState[1];
        Optional<Conversation> stored = updates.applyIfExists(tenant, key, current -> {
            before[0] = current.state();
            Conversation cleared = current.withReplyDue(Optional.empty(), Optional.empty(), now);
            return current.state().botMaySpeak() ? cleared.withState(ConversationState.WAITING_FOR_AGENT, now) : cleared;
        });
        if (stored.isEmpty()) {
            return;
        }
        if (stored.get().state() == ConversationState.WAITING_FOR_AGENT) {
            String target = queue.orElseGet(() -> defaultQueue(tenant));
            if (stores.agents().enqueue(tenant, key, target, reason, now)) {
                recordStep(tenant, key, HandoffEvent.Kind.QUEUED, Optional.of(target), Optional.empty());
                scheduleSla(tenant, key);
            }
        }
        audit(tenant, now, "handoff", before[0], ConversationState.WAITING_FOR_AGENT, "responder", Optional.empty());
        if (tellListenersNow) {
            notifier.changed(tenant, key, before[0], stored.get().state(), StateChange.Origin.RESPONDER);
        }
    }

    /**
     * The responder's handoff message left the outbox (or failed for good): listeners now hear
     * of the handoff, unless the conversation went back to the bot meanwhile.
     *
     * @param tenant the business
     * @param key the conversation
     */
    public void handoffMessageLeft(TenantId tenant, ConversationKey key) {
        stores.conversations().find(tenant, key)
                .filter(conversation -> !conversation.state().botMaySpeak())
                .ifPresent(conversation -> notifier.changed(tenant, key, ConversationState.BOT, conversation.state(),
                        StateChange.Origin.RESPONDER));
    }

    /**
     * The queue unrouted handoffs of a tenant go to.
     *
     * @param tenant the business
     * @return the id of the tenant's default queue, or {@link AgentQueue#DEFAULT_ID} when none is
     */
    public String defaultQueue(TenantId tenant) {
        return stores.agents().listQueues(tenant).stream().filter(AgentQueue::defaultQueue).map(AgentQueue::id)
                .findFirst().orElse(AgentQueue.DEFAULT_ID);
    }

    /**
     * Stores a step of a handoff for the manager's metrics, at the clock's time.
     *
     * @param tenant the business
     * @param key the conversation
     * @param kind what happened
     * @param queue the queue, when known
     * @param agent the agent who got it or acted, when one did
     */
    public void recordStep(TenantId tenant, ConversationKey key, HandoffEvent.Kind kind, Optional<String> queue,
            Optional<String> agent) {
        stores.agents().recordEvent(new HandoffEvent(tenant, key, kind, queue, agent, clock.instant()));
    }

    private void audit(TenantId tenant, Instant now, String type, ConversationState from, ConversationState to,
            String cause, Optional<String> agent) {
        auditAs(tenant, now, type, from, to, cause, agent.map(id -> "agent:" + id));
    }

    private void auditAs(TenantId tenant, Instant now, String type, ConversationState from, ConversationState to,
            String cause, Optional<String> actor) {
        Map<String, String> details = new LinkedHashMap<>(Map.of("from", from.name(), "to", to.name(),
                "cause", cause));
        actor.ifPresent(name -> details.put("actor", name));
        stores.audit().record(new AuditEvent(tenant, now, type, details));
    }

    /** When the customer's last message arrived, if nobody answered it since. */
    private Optional<Instant> unansweredSince(TenantId tenant, ConversationKey key) {
        return stores.messages().history(tenant, key, 1).stream()
                .filter(last -> last.direction() == Direction.INBOUND)
                .map(MessageRecord::timestamp)
                .findFirst();
    }
}
