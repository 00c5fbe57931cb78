// Over 400 lines: the one facade of the agent side (agents, queues, assignment, replies, notes,
// sentiment, metrics); the metrics and sentiment work live in MetricsTally and SentimentReader.
package dev.conversa;

import dev.conversa.agent.Agent;
import dev.conversa.agent.AgentMetrics;
import dev.conversa.agent.AgentQueue;
import dev.conversa.agent.Assignment;
import dev.conversa.agent.AssignmentStrategy;
import dev.conversa.agent.HandoffEvent;
import dev.conversa.agent.NotHolderException;
import dev.conversa.agent.Note;
import dev.conversa.agent.Presence;
import dev.conversa.agent.ReplyRefusedException;
import dev.conversa.agent.SlaPolicy;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.conversation.internal.Ownership;
import dev.conversa.internal.privacy.PersonConsent;
import dev.conversa.model.Author;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.Direction;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.OutboundContent;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.TenantId;
import dev.conversa.respond.SentimentReading;
import dev.conversa.privacy.ErasureReport;
import dev.conversa.privacy.PersonalDataExport;
import dev.conversa.privacy.Privacy;
import dev.conversa.store.AgentLoad;
import dev.conversa.store.AgentStore;
import dev.conversa.store.AuditEvent;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.Stores;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Human agents of each tenant: who they are and which queues they serve, the conversations
 * waiting for a person, who holds which, and internal notes. Obtained from
 * {@link Conversa#agents()}.
 *
 * <p>A conversation handed to a person ({@code WAITING_FOR_AGENT}, by the responder, a handoff
 * keyword or the host) waits in a queue: the handoff's, or the tenant's default. An agent takes
 * it by {@link #claim}, or it is given by {@link #assignNext} with an {@link AssignmentStrategy};
 * either way only an {@link Presence#ONLINE} agent holding fewer conversations than the maximum
 * gets it, and under concurrent calls, on any number of instances sharing the stores, a
 * conversation is never held by two agents. The agent then holds it ({@code WITH_AGENT}) until
 * it is {@linkplain #transferToAgent transferred}, {@linkplain #transferToQueue sent back to a
 * queue}, {@linkplain #release released to the bot} or {@linkplain #close closed}; a closed
 * conversation goes back to the bot when the customer writes again. Every change of state
 * reaches the {@code StateChangeListener}s with {@code Origin.AGENT} and the agent's id, and the
 * audit log with the agent as actor.
 *
 * <pre>{@code
 * Agents agents = conversa.agents();
 * agents.saveQueue(AgentQueue.of(tenant, "support", "Support").asDefault());
 * agents.save(Agent.builder().tenant(tenant).id("ana").displayName("Ana").queue("support")
 *         .presence(Presence.ONLINE).maxConversations(3).build());
 * for (Assignment waiting : agents.waiting(tenant, "support", 20)) {
 *     agents.claim(tenant, waiting.conversation(), "ana").ifPresent(taken -> openChat(taken));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Agents {

    /** The audit action of an agent's access to a person's data: a read, an export or an erasure. */
    public static final String ACCESS_ACTION = "agent_access";

    private static final int MAX_NOTE_LENGTH = 4000;

    private final Stores stores;
    private final Ownership ownership;
    private final Clock clock;
    private final Map<ChannelType, ChannelCapabilities> channels;
    private final Sender sender;
    private final SentimentReader sentiments;
    private final Optional<Privacy> privacy;

    Agents(Stores stores, Ownership ownership, Clock clock, Map<ChannelType, ChannelCapabilities> channels,
            Sender sender, SentimentReader sentiments, Optional<Privacy> privacy) {
        this.privacy = privacy;
        this.stores = stores;
        this.ownership = ownership;
        this.clock = clock;
        this.channels = Map.copyOf(channels);
        this.sender = sender;
        this.sentiments = sentiments;
    }

    /** Queues a message through the outbox, as {@code Conversa.send} with an idempotency key. */
    interface Sender {
        OutboxEntry send(TenantId tenant, OutboundMessage message, String idempotencyKey);
    }

    /**
     * The agent holding a conversation answers the customer: text, media or a template, queued
     * through the same outbox as every message, written by {@link Author#AGENT} and recorded with
     * the agent's id ({@link OutboundMessage#agent()}, {@link dev.conversa.model.MessageRecord#agent()}).
     *
     * <p>Checked before anything is queued, each with a {@link ReplyRefusedException} naming the
     * rule: the agent holds the conversation ({@code WITH_AGENT}, assigned to them); the person has
     * not opted out (STOP) without writing since; and the channel's window, from its
     * {@link ChannelCapabilities}: within the reply window (24 hours since the customer's last
     * message) anything goes; past it, on a channel with a human agent window (Messenger and
     * Instagram, 7 days) a message still goes, and the channel sends it with the {@code
     * HUMAN_AGENT} tag; past that, or on WhatsApp past 24 hours, only a template. The outbox
     * checks the same rules again at send time, as the window may close while the message waits.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @param agentId the agent answering, who must hold the conversation
     * @param content what to send: text, media or a template (not a marker such as typing)
     * @return the queued outbox entry
     * @throws ReplyRefusedException if a rule refuses the reply now
     * @throws IllegalArgumentException if the content is a marker rather than a message
     */
    public OutboxEntry reply(TenantId tenant, ConversationKey conversation, String agentId, OutboundContent content) {
        return reply(tenant, conversation, agentId, content, UUID.randomUUID().toString());
    }

    /**
     * Like {@link #reply(TenantId, ConversationKey, String, OutboundContent)}, queued once per
     * idempotency key: replying again with the same key (a retried request of the inbox) returns
     * the entry queued first.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @param agentId the agent answering, who must hold the conversation
     * @param content what to send: text, media or a template
     * @param idempotencyKey unique per logical reply of this agent, at most 200 characters
     * @return the queued outbox entry
     * @throws ReplyRefusedException if a rule refuses the reply now
     * @throws IllegalArgumentException if the content is a marker rather than a message, or the
     *     key is blank or too long
     */
    public OutboxEntry reply(TenantId tenant, ConversationKey conversation, String agentId, OutboundContent content,
            String idempotencyKey) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (!content.isMessage()) {
            throw new IllegalArgumentException("an agent replies with a message (text, media or a template), not a "
                    + content.kind() + " marker");
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new IllegalArgumentException("idempotencyKey must be 1 to 200 characters, not blank");
        }
        Optional<Conversation> stored = stores.conversations().find(tenant, conversation);
        checkHolder(tenant, conversation, agentId, stored);
        OutboundMessage message = OutboundMessage.of(conversation, content).byAgent(agentId);
        ChannelCapabilities capabilities = channels.get(conversation.channel());
        if (capabilities == null) {
            throw new ReplyRefusedException(ReplyRefusedException.Rule.NO_CHANNEL,
                    "no channel adapter is registered for channel " + conversation.channel());
        }
        Optional<Instant> optedOutAt = PersonConsent.optedOutAt(stores, tenant, conversation.channel(),
                conversation.contactId());
        Optional<SendGate.Refusal> refusal = SendGate.check(message, stored, capabilities, optedOutAt,
                clock.instant());
        if (refusal.isPresent()) {
            throw new ReplyRefusedException(refusal.get().rule(), refusal.get().reason());
        }
        OutboxEntry entry = sender.send(tenant, message, "agent:" + agentId + ":" + idempotencyKey);
        record(tenant, "agent_reply", agentId, Map.of("kind", content.kind()));
        return entry;
    }

    /**
     * Runs a due SLA timer of a conversation (from the dispatcher): a conversation that waited
     * past its queue's wait limit is escalated (its priority raised, or back to the bot with the
     * queue's message to the customer); an agent who took it and sent no reply within the answer
     * limit loses it to the queue. A timer that fires early schedules the next check. Every
     * change is conditional on the assignment found, so an agent's claim or reply at the same
     * moment wins.
     */
    void checkSla(InboxEntry timer) {
        TenantId tenant = timer.tenant();
        ConversationKey key = timer.conversation();
        Optional<Assignment> found = store().findAssignment(tenant, key);
        if (found.isEmpty()) {
            return;
        }
        Assignment assignment = found.get();
        SlaPolicy sla = ownership.sla(tenant, assignment.queue());
        Instant now = clock.instant();
        if (assignment.waiting()) {
            if (sla.waitLimit().isEmpty()) {
                return;
            }
            Instant due = assignment.queuedAt().plus(sla.waitLimit().get());
            if (now.isBefore(due)) {
                stores.inbox().scheduleTimer(tenant, key, due, now);
            } else if (sla.onWaitLimit() == SlaPolicy.WaitEscalation.BACK_TO_BOT) {
                backToBot(timer, assignment, sla.botMessage().orElseThrow());
            } else {
                store().requeue(tenant, key, assignment.queue(), assignment.priority() + 1, Optional.empty(), now)
                        .ifPresent(raised -> {
                            recordBySystem(tenant, "sla_escalated", Map.of("queue", raised.queue(), "priority",
                                    Integer.toString(raised.priority())));
                            ownership.recordStep(tenant, key, HandoffEvent.Kind.REQUEUED, Optional.of(raised.queue()),
                                    Optional.empty());
                            ownership.scheduleSla(tenant, key);
                        });
            }
            return;
        }
        String agentId = assignment.agent().orElseThrow();
        Instant assignedAt = assignment.assignedAt().orElseThrow();
        if (sla.answerLimit().isEmpty() || answeredSince(tenant, key, assignedAt)) {
            return;
        }
        Instant due = assignedAt.plus(sla.answerLimit().get());
        if (now.isBefore(due)) {
            stores.inbox().scheduleTimer(tenant, key, due, now);
            return;
        }
        store().requeue(tenant, key, assignment.queue(), assignment.priority(), Optional.of(agentId), now)
                .ifPresent(requeued -> {
                    recordBySystem(tenant, "sla_unanswered", Map.of("queue", requeued.queue(), "from",
                            "agent:" + agentId));
                    ownership.recordStep(tenant, key, HandoffEvent.Kind.REQUEUED, Optional.of(requeued.queue()),
                            Optional.of(agentId));
                    ownership.changeBySystem(tenant, key, ConversationState.WAITING_FOR_AGENT,
                            stored -> stillAssigned(tenant, key, Optional.empty()));
                    ownership.scheduleSla(tenant, key);
                });
    }

    private void backToBot(InboxEntry timer, Assignment assignment, String message) {
        TenantId tenant = timer.tenant();
        ConversationKey key = timer.conversation();
        if (!store().dequeue(tenant, key, Optional.empty())) {
            return;
        }
        recordBySystem(tenant, "sla_back_to_bot", Map.of("queue", assignment.queue()));
        ownership.recordStep(tenant, key, HandoffEvent.Kind.RELEASED, Optional.of(assignment.queue()), Optional.empty());
        ownership.changeBySystem(tenant, key, ConversationState.BOT,
                stored -> stored.state() == ConversationState.WAITING_FOR_AGENT);
        sender.send(tenant, OutboundMessage.text(key, message), "sla:" + timer.id());
    }

    /** Whether a person answered the customer since the time (an agent's message in the history). */
    private boolean answeredSince(TenantId tenant, ConversationKey key, Instant since) {
        return stores.messages().history(tenant, key, 50).stream()
                .anyMatch(message -> message.direction() == Direction.OUTBOUND && message.author() == Author.AGENT
                        && !message.timestamp().isBefore(since));
    }

    private void recordBySystem(TenantId tenant, String event, Map<String, String> more) {
        Map<String, String> details = new LinkedHashMap<>(more);
        details.put("event", event);
        details.put("actor", Ownership.SYSTEM_ACTOR);
        stores.audit().record(new AuditEvent(tenant, clock.instant(), "assignment", details));
    }

    private void checkHolder(TenantId tenant, ConversationKey conversation, String agentId,
            Optional<Conversation> stored) {
        boolean withAgent = stored.map(Conversation::state).filter(ConversationState.WITH_AGENT::equals).isPresent();
        if (!withAgent || !stillAssigned(tenant, conversation, Optional.of(agentId))) {
            throw new ReplyRefusedException(ReplyRefusedException.Rule.NOT_HOLDER, "agent " + agentId
                    + " does not hold this conversation: take it first (claim), or ask the agent holding it");
        }
    }

    /**
     * Creates or replaces an agent.
     *
     * @param agent the agent
     * @return the agent
     */
    public Agent save(Agent agent) {
        store().saveAgent(Objects.requireNonNull(agent, "agent"));
        return agent;
    }

    /**
     * Finds an agent.
     *
     * @param tenant the business
     * @param agentId the agent's id
     * @return the agent, when it exists
     */
    public Optional<Agent> find(TenantId tenant, String agentId) {
        return store().findAgent(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(agentId, "agentId"));
    }

    /**
     * Lists a tenant's agents by id.
     *
     * @param tenant the business
     * @return the agents
     */
    public List<Agent> list(TenantId tenant) {
        return store().listAgents(Objects.requireNonNull(tenant, "tenant"));
    }

    /**
     * Sets whether an agent takes conversations now. An agent who goes away or offline keeps the
     * conversations held.
     *
     * @param tenant the business
     * @param agentId the agent's id
     * @param presence the presence
     * @return the agent as stored
     * @throws NoSuchElementException if the agent does not exist
     */
    public Agent presence(TenantId tenant, String agentId, Presence presence) {
        Agent changed = agent(tenant, agentId).withPresence(Objects.requireNonNull(presence, "presence"));
        store().saveAgent(changed);
        return changed;
    }

    /**
     * Removes an agent who holds no conversation.
     *
     * @param tenant the business
     * @param agentId the agent's id
     * @return true if the agent existed
     * @throws IllegalStateException if the agent still holds conversations: transfer, release or
     *     close them first
     */
    public boolean remove(TenantId tenant, String agentId) {
        if (!store().assignedTo(Objects.requireNonNull(tenant, "tenant"), agentId).isEmpty()) {
            throw new IllegalStateException("agent " + agentId + " still holds conversations: transfer, release or "
                    + "close them first");
        }
        return store().deleteAgent(tenant, agentId);
    }

    /**
     * Creates or replaces a queue; a default queue makes the tenant's other queues not default.
     *
     * @param queue the queue
     * @return the queue
     */
    public AgentQueue saveQueue(AgentQueue queue) {
        store().saveQueue(Objects.requireNonNull(queue, "queue"));
        return queue;
    }

    /**
     * Lists a tenant's queues by id.
     *
     * @param tenant the business
     * @return the queues
     */
    public List<AgentQueue> queues(TenantId tenant) {
        return store().listQueues(Objects.requireNonNull(tenant, "tenant"));
    }

    /**
     * The queue where handoffs that name no queue wait.
     *
     * @param tenant the business
     * @return the id of the tenant's default queue, or {@link AgentQueue#DEFAULT_ID} when none is
     */
    public String defaultQueue(TenantId tenant) {
        return ownership.defaultQueue(Objects.requireNonNull(tenant, "tenant"));
    }

    /**
     * Lists the conversations waiting in a queue, longest waiting first.
     *
     * @param tenant the business
     * @param queue the queue's id
     * @param limit the most to return, positive
     * @return the waiting conversations
     */
    public List<Assignment> waiting(TenantId tenant, String queue, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive; got " + limit);
        }
        return store().waiting(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(queue, "queue"), limit);
    }

    /**
     * Lists the conversations an agent holds.
     *
     * @param tenant the business
     * @param agentId the agent's id
     * @return the assignments, in the order they were taken
     */
    public List<Assignment> assignedTo(TenantId tenant, String agentId) {
        return store().assignedTo(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(agentId, "agentId"));
    }

    /**
     * Finds where a conversation waits or who holds it.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @return the assignment, while the conversation waits for or is held by a person
     */
    public Optional<Assignment> assignment(TenantId tenant, ConversationKey conversation) {
        return store().findAssignment(Objects.requireNonNull(tenant, "tenant"),
                Objects.requireNonNull(conversation, "conversation"));
    }

    /**
     * An agent takes a waiting conversation of a queue the agent serves. Of agents claiming the
     * same conversation at once, exactly one gets it.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @param agentId the agent's id
     * @return the assignment, or empty if the conversation does not wait (another agent took it,
     *     or it went back to the bot), the agent does not serve its queue, is not online or holds
     *     the maximum
     * @throws NoSuchElementException if the agent does not exist
     */
    public Optional<Assignment> claim(TenantId tenant, ConversationKey conversation, String agentId) {
        Agent agent = agent(tenant, agentId);
        Optional<Assignment> waiting = assignment(tenant, conversation).filter(Assignment::waiting);
        if (waiting.isEmpty() || !agent.serves(waiting.get().queue())) {
            return Optional.empty();
        }
        return take(tenant, conversation, agentId, Optional.empty(), "claimed");
    }

    /**
     * Gives the longest waiting conversation of a queue to an agent chosen by the strategy,
     * among the agents serving the queue who are online and under their maximum.
     *
     * @param tenant the business
     * @param queue the queue's id
     * @param strategy how the agent is chosen
     * @return the assignment, or empty if nothing waits or no agent can take it
     */
    public Optional<Assignment> assignNext(TenantId tenant, String queue, AssignmentStrategy strategy) {
        Objects.requireNonNull(strategy, "strategy");
        for (Assignment waiting : waiting(tenant, queue, 20)) {
            Optional<Assignment> assigned = assign(tenant, waiting.conversation(), strategy);
            if (assigned.isPresent()) {
                return assigned;
            }
            if (candidates(tenant, queue, strategy).isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Gives a waiting conversation to an agent chosen by the strategy, among the agents serving
     * its queue who are online and under their maximum.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @param strategy how the agent is chosen
     * @return the assignment, or empty if the conversation does not wait or no agent can take it
     */
    public Optional<Assignment> assign(TenantId tenant, ConversationKey conversation, AssignmentStrategy strategy) {
        Objects.requireNonNull(strategy, "strategy");
        Optional<Assignment> waiting = assignment(tenant, conversation).filter(Assignment::waiting);
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        for (Agent candidate : candidates(tenant, waiting.get().queue(), strategy)) {
            Optional<Assignment> taken = take(tenant, conversation, candidate.id(), Optional.empty(),
                    strategy.name().toLowerCase(Locale.ROOT));
            if (taken.isPresent() || assignment(tenant, conversation).filter(Assignment::waiting).isEmpty()) {
                return taken;
            }
        }
        return Optional.empty();
    }

    /**
     * Gives a conversation an agent holds to another agent (who need not serve its queue).
     *
     * @param tenant the business
     * @param conversation the conversation
     * @param fromAgent the agent holding it
     * @param toAgent the agent to give it to
     * @return the assignment, or empty if {@code fromAgent} does not hold it or {@code toAgent}
     *     is not online or holds the maximum
     * @throws NoSuchElementException if {@code toAgent} does not exist
     */
    public Optional<Assignment> transferToAgent(TenantId tenant, ConversationKey conversation, String fromAgent,
            String toAgent) {
        agent(tenant, toAgent);
        return take(tenant, conversation, toAgent, Optional.of(Objects.requireNonNull(fromAgent, "fromAgent")),
                "transferred");
    }

    /**
     * Sends a conversation back to wait in a queue, with no agent: it is {@code
     * WAITING_FOR_AGENT} again. Only the agent holding it may; a waiting conversation may be
     * moved to another queue by any agent of the tenant.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @param queue the queue's id
     * @param byAgent the agent who sends it, the actor
     * @return the assignment, or empty if the conversation waits for or is held by nobody, or
     *     another agent holds it
     * @throws NoSuchElementException if {@code byAgent} does not exist
     */
    public Optional<Assignment> transferToQueue(TenantId tenant, ConversationKey conversation, String queue,
            String byAgent) {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(byAgent, "byAgent");
        agent(tenant, byAgent);
        Optional<Assignment> current = assignment(tenant, conversation);
        if (current.isEmpty() || current.get().agent().filter(holder -> !holder.equals(byAgent)).isPresent()) {
            return Optional.empty();
        }
        Optional<Assignment> requeued = store().requeue(tenant, conversation, queue, 0, current.get().agent(),
                clock.instant());
        requeued.ifPresent(assignment -> {
            audit(tenant, "requeued", byAgent, Map.of("queue", queue));
            ownership.recordStep(tenant, conversation, HandoffEvent.Kind.REQUEUED, Optional.of(queue),
                    Optional.of(byAgent));
            ownership.changeByAgent(tenant, conversation, ConversationState.WAITING_FOR_AGENT, byAgent,
                    stored -> stillAssigned(tenant, conversation, Optional.empty()));
            ownership.scheduleSla(tenant, conversation);
        });
        return requeued;
    }

    /**
     * The agent holding a conversation gives it back to the bot; if the customer's last message
     * is unanswered, the bot answers it. A waiting conversation may be given back by any agent
     * serving its queue.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @param agentId the agent, the actor
     * @return the conversation as stored
     * @throws NoSuchElementException if the conversation does not exist
     * @throws NotHolderException if another agent holds it, or nobody and the agent does not
     *     serve its queue
     */
    public Conversation release(TenantId tenant, ConversationKey conversation, String agentId) {
        return finish(tenant, conversation, agentId, ConversationState.BOT, "released");
    }

    /**
     * The agent holding a conversation closes it; it goes back to the bot when the customer
     * writes again. A waiting conversation may be closed by any agent serving its queue.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @param agentId the agent, the actor
     * @return the conversation as stored
     * @throws NoSuchElementException if the conversation does not exist
     * @throws NotHolderException if another agent holds it, or nobody and the agent does not
     *     serve its queue
     */
    public Conversation close(TenantId tenant, ConversationKey conversation, String agentId) {
        return finish(tenant, conversation, agentId, ConversationState.CLOSED, "closed");
    }

    /**
     * An agent reads a conversation's history: recorded in the audit log (action {@value
     * #ACCESS_ACTION}, event {@code read}, actor {@code agent:<id>}, with the contact's keyed hash
     * when a privacy pepper is set), as every access of an agent to a person's data.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @param agentId the agent reading
     * @param limit the most messages to return, positive
     * @return the latest messages, as {@code MessageStore.history} returns them
     * @throws NoSuchElementException if the agent does not exist
     */
    public List<MessageRecord> read(TenantId tenant, ConversationKey conversation, String agentId, int limit) {
        Objects.requireNonNull(conversation, "conversation");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive; got " + limit);
        }
        agent(tenant, agentId);
        List<MessageRecord> history = stores.messages().history(tenant, conversation, limit);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("messages", Integer.toString(history.size()));
        privacy.ifPresent(p -> details.put("contactHash", p.identifierHash(conversation.contactId())));
        record(tenant, ACCESS_ACTION, "read", agentId, details);
        return history;
    }

    /**
     * An agent exports everything held about a person ({@link Privacy#export}), recorded in the
     * audit log with the agent as actor (action {@value #ACCESS_ACTION}, event {@code export},
     * the identifier's keyed hash), besides the export's own record.
     *
     * @param tenant the business
     * @param identifier a phone number, user name or channel id
     * @param agentId the agent exporting
     * @return the person's data
     * @throws NoSuchElementException if the agent does not exist
     * @throws IllegalStateException if no privacy pepper is set
     */
    public PersonalDataExport export(TenantId tenant, String identifier, String agentId) {
        Privacy configured = configuredPrivacy();
        agent(tenant, agentId);
        PersonalDataExport export = configured.export(tenant, identifier);
        record(tenant, ACCESS_ACTION, "export", agentId,
                Map.of("identifierHash", configured.identifierHash(identifier)));
        return export;
    }

    /**
     * An agent erases a person ({@link Privacy#erase}), recorded in the audit log with the agent
     * as actor (action {@value #ACCESS_ACTION}, event {@code erase}, the identifier's keyed hash),
     * besides the erasure's own record.
     *
     * @param tenant the business
     * @param identifier a phone number, user name or channel id
     * @param agentId the agent erasing
     * @return what was removed
     * @throws NoSuchElementException if the agent does not exist
     * @throws IllegalStateException if no privacy pepper is set
     */
    public ErasureReport erase(TenantId tenant, String identifier, String agentId) {
        Privacy configured = configuredPrivacy();
        agent(tenant, agentId);
        ErasureReport report = configured.erase(tenant, identifier);
        record(tenant, ACCESS_ACTION, "erase", agentId, Map.of("identifierHash", report.identifierHash()));
        return report;
    }

    private Privacy configuredPrivacy() {
        return privacy.orElseThrow(() -> new IllegalStateException("privacyPepper is not set: set one with "
                + "Conversa.builder().privacyPepper(...) to export or erase people"));
    }

    /**
     * Adds an internal note to a conversation, for agents only: it is never sent to the customer
     * and not part of the message history. Erased with the person.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @param agentId the author
     * @param text the note, at most 4000 characters
     * @return the stored note
     * @throws NoSuchElementException if the conversation does not exist
     * @throws IllegalArgumentException if the text is blank or too long
     */
    public Note addNote(TenantId tenant, ConversationKey conversation, String agentId, String text) {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_NOTE_LENGTH) {
            throw new IllegalArgumentException("text must be at most " + MAX_NOTE_LENGTH + " characters");
        }
        if (stores.conversations().find(tenant, conversation).isEmpty()) {
            throw new NoSuchElementException("no such conversation in this tenant");
        }
        Note note = new Note(tenant, conversation, UUID.randomUUID().toString(), agentId, text, clock.instant());
        store().addNote(note);
        audit(tenant, "note_added", agentId, Map.of());
        return note;
    }

    /**
     * Lists a conversation's internal notes, oldest first.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @return the notes
     */
    public List<Note> notes(TenantId tenant, ConversationKey conversation) {
        return store().notes(Objects.requireNonNull(tenant, "tenant"),
                Objects.requireNonNull(conversation, "conversation"));
    }

    /**
     * Reads how the customer of a conversation feels and what they want, from the responder
     * (the OpenAI responder asks its model over the recent history; the rules responder gives
     * none and says so). Asks the model on every call: call it when an agent opens the
     * conversation, not in a loop.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @return the reading, or none with the reason
     * @throws NoSuchElementException if the conversation does not exist
     */
    public SentimentReading sentiment(TenantId tenant, ConversationKey conversation) {
        return sentiments.read(Objects.requireNonNull(tenant, "tenant"),
                Objects.requireNonNull(conversation, "conversation"));
    }

    /**
     * The manager's figures for a period: first response, resolution and queue wait times,
     * queue depth and the oldest waiting now, conversations per agent, messages per channel, and
     * conversations the bot handled alone versus handed to a person. Computed from the stored
     * messages and handoff steps, so any instance gives the same figures, also after a restart;
     * erased people and conversations purged by retention are no longer counted. Reads all
     * message marks of the period: meant for periods of a day or a week.
     *
     * <pre>{@code
     * Instant midnight = LocalDate.now(zone).atStartOfDay(zone).toInstant();
     * AgentMetrics today = conversa.agents().metrics(tenant, midnight, Instant.now());
     * Duration waited = today.queueWait().average();
     * }</pre>
     *
     * @param tenant the business
     * @param from the start of the period, inclusive
     * @param to the end of the period, exclusive
     * @return the figures; see {@link AgentMetrics} for how each is defined
     * @throws IllegalArgumentException if {@code to} is not after {@code from}
     */
    public AgentMetrics metrics(TenantId tenant, Instant from, Instant to) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("to must be after from");
        }
        return MetricsTally.compute(stores, defaultQueue(tenant), tenant, from, to, clock.instant());
    }

    /**
     * Gives the conversation to an agent through the store's atomic assign, then records it.
     *
     * @param how "claimed", "round_robin", "least_busy" or "transferred" (then {@code from}'s
     *     agent is the actor)
     */
    private Optional<Assignment> take(TenantId tenant, ConversationKey conversation, String agentId,
            Optional<String> from, String how) {
        Objects.requireNonNull(conversation, "conversation");
        Optional<Assignment> taken = store().assign(tenant, conversation, agentId, from, clock.instant());
        taken.ifPresent(assignment -> {
            ownership.recordStep(tenant, conversation, HandoffEvent.Kind.ASSIGNED, Optional.of(assignment.queue()),
                    Optional.of(agentId));
            audit(tenant, how.equals("transferred") ? "transferred" : "assigned", from.orElse(agentId),
                    Map.of("queue", assignment.queue(), "to", "agent:" + agentId, "how", how));
            ownership.changeByAgent(tenant, conversation, ConversationState.WITH_AGENT, agentId,
                    current -> stillAssigned(tenant, conversation, Optional.of(agentId)));
            ownership.scheduleSla(tenant, conversation);
        });
        return taken;
    }

    private Conversation finish(TenantId tenant, ConversationKey conversation, String agentId,
            ConversationState state, String event) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(agentId, "agentId");
        if (stores.conversations().find(tenant, conversation).isEmpty()) {
            throw new NoSuchElementException("no such conversation in this tenant");
        }
        Optional<Assignment> current = assignment(tenant, conversation);
        boolean mayFinish = current.isPresent() && (current.get().agent().isPresent()
                ? current.get().agent().get().equals(agentId)
                : find(tenant, agentId).filter(agent -> agent.serves(current.get().queue())).isPresent());
        String action = event.equals("released") ? "release" : "close";
        if (mayFinish && store().dequeue(tenant, conversation, current.get().agent())) {
            ownership.recordStep(tenant, conversation, state == ConversationState.CLOSED ? HandoffEvent.Kind.CLOSED
                    : HandoffEvent.Kind.RELEASED, Optional.empty(), Optional.of(agentId));
        } else {
            throw new NotHolderException(agentId, action);
        }
        audit(tenant, event, agentId, Map.of());
        return ownership.changeByAgent(tenant, conversation, state, agentId, stored -> true);
    }

    private boolean stillAssigned(TenantId tenant, ConversationKey conversation, Optional<String> agentId) {
        return store().findAssignment(tenant, conversation).filter(a -> a.agent().equals(agentId)).isPresent();
    }

    private List<Agent> candidates(TenantId tenant, String queue, AssignmentStrategy strategy) {
        Comparator<AgentLoad> leastRecently = Comparator.comparing(
                (AgentLoad load) -> load.lastAssignedAt().orElse(Instant.MIN)).thenComparing(load -> load.agent().id());
        Comparator<AgentLoad> order = strategy == AssignmentStrategy.LEAST_BUSY
                ? Comparator.comparingInt(AgentLoad::activeConversations).thenComparing(leastRecently)
                : leastRecently;
        return store().loads(tenant).stream()
                .filter(load -> load.agent().serves(queue) && load.agent().presence() == Presence.ONLINE
                        && load.activeConversations() < load.agent().maxConversations())
                .sorted(order).map(AgentLoad::agent).toList();
    }

    private Agent agent(TenantId tenant, String agentId) {
        return find(tenant, agentId).orElseThrow(() -> new NoSuchElementException("no agent " + agentId
                + " in this tenant"));
    }

    private void audit(TenantId tenant, String event, String actor, Map<String, String> more) {
        record(tenant, "assignment", event, actor, more);
    }

    private void record(TenantId tenant, String action, String actor, Map<String, String> more) {
        record(tenant, action, action, actor, more);
    }

    private void record(TenantId tenant, String action, String event, String actor, Map<String, String> more) {
        Map<String, String> details = new LinkedHashMap<>(more);
        details.put("event", event);
        details.put("actor", "agent:" + actor);
        stores.audit().record(new AuditEvent(tenant, clock.instant(), action, details));
    }

    private AgentStore store() {
        return stores.agents();
    }
}
