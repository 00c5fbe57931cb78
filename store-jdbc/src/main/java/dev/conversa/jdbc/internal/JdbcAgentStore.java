package dev.conversa.jdbc.internal;

import dev.conversa.agent.Agent;
import dev.conversa.agent.AgentQueue;
import dev.conversa.agent.Assignment;
import dev.conversa.agent.HandoffEvent;
import dev.conversa.agent.Note;
import dev.conversa.agent.Presence;
import dev.conversa.agent.SlaPolicy;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import dev.conversa.store.AgentLoad;
import dev.conversa.store.AgentStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Agents, queues, assignments and notes in {@code conversa_agent}, {@code conversa_agent_queue},
 * {@code conversa_assignment} and {@code conversa_note}. {@link #assign} locks the agent's row
 * ({@code SELECT ... FOR UPDATE}), so that assignments to one agent are counted one at a time,
 * and takes the conversation with a conditional update, so that of concurrent claims one wins.
 */
public final class JdbcAgentStore implements AgentStore {

    private static final String AGENT_COLUMNS = "tenant, agent_id, display_name, queues, presence, max_conversations";
    private static final String ASSIGNMENT_COLUMNS = "tenant, channel, account_id, contact_id, queue_id, agent_id, "
            + "reason, queued_at, assigned_at, priority";
    private static final String BY_KEY = " WHERE tenant = ? AND channel = ? AND account_id = ? AND contact_id = ?";
    private static final String BY_CONVERSATION = " ORDER BY priority DESC, queued_at, channel, account_id, "
            + "contact_id";
    private static final String QUEUE_COLUMNS = "tenant, queue_id, name, is_default, wait_limit_ms, on_wait_limit, "
            + "bot_message, answer_limit_ms";

    private final Database database;
    private final Inserts inserts;

    /**
     * Creates the store.
     *
     * @param database the database
     */
    public JdbcAgentStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.inserts = new Inserts(database.dialect());
    }

    @Override
    public void saveAgent(Agent agent) {
        Objects.requireNonNull(agent, "agent");
        String queues = String.join(",", agent.queues().stream().sorted().toList());
        database.inTransaction("saving an agent", connection -> {
            boolean inserted = inserts.insertIfAbsent(connection, "INSERT INTO conversa_agent (" + AGENT_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?)", agent.tenant().value(), agent.id(), agent.displayName(), queues,
                    agent.presence().name(), agent.maxConversations());
            if (!inserted) {
                Rows.update(connection, "UPDATE conversa_agent SET display_name = ?, queues = ?, presence = ?, "
                        + "max_conversations = ? WHERE tenant = ? AND agent_id = ?", agent.displayName(), queues,
                        agent.presence().name(), agent.maxConversations(), agent.tenant().value(), agent.id());
            }
            return null;
        });
    }

    @Override
    public Optional<Agent> findAgent(TenantId tenant, String agentId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(agentId, "agentId");
        return database.inTransaction("reading an agent", connection -> Rows.first(connection, "SELECT "
                + AGENT_COLUMNS + " FROM conversa_agent WHERE tenant = ? AND agent_id = ?", JdbcAgentStore::agent,
                tenant.value(), agentId));
    }

    @Override
    public List<Agent> listAgents(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        return database.inTransaction("listing agents", connection -> Rows.query(connection, "SELECT "
                + AGENT_COLUMNS + " FROM conversa_agent WHERE tenant = ? ORDER BY agent_id", JdbcAgentStore::agent,
                tenant.value()));
    }

    @Override
    public List<AgentLoad> loads(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        return database.inTransaction("reading agents' load", connection -> Rows.query(connection, "SELECT "
                + "a.tenant, a.agent_id, a.display_name, a.queues, a.presence, a.max_conversations, "
                + "a.last_assigned_at, (SELECT COUNT(*) FROM conversa_assignment s WHERE s.tenant = a.tenant "
                + "AND s.agent_id = a.agent_id) AS active FROM conversa_agent a WHERE a.tenant = ? "
                + "ORDER BY a.agent_id",
                row -> new AgentLoad(agent(row), row.getInt("active"), Rows.optionalInstant(row, "last_assigned_at")),
                tenant.value()));
    }

    @Override
    public boolean deleteAgent(TenantId tenant, String agentId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(agentId, "agentId");
        return database.inTransaction("deleting an agent", connection -> Rows.update(connection,
                "DELETE FROM conversa_agent WHERE tenant = ? AND agent_id = ?", tenant.value(), agentId) > 0);
    }

    @Override
    public void saveQueue(AgentQueue queue) {
        Objects.requireNonNull(queue, "queue");
        database.inTransaction("saving a queue", connection -> {
            if (queue.defaultQueue()) {
                Rows.update(connection, "UPDATE conversa_agent_queue SET is_default = FALSE WHERE tenant = ? "
                        + "AND queue_id <> ?", queue.tenant().value(), queue.id());
            }
            SlaPolicy sla = queue.sla();
            Object waitLimit = sla.waitLimit().map(Duration::toMillis).orElse(null);
            Object answerLimit = sla.answerLimit().map(Duration::toMillis).orElse(null);
            boolean inserted = inserts.insertIfAbsent(connection, "INSERT INTO conversa_agent_queue ("
                    + QUEUE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", queue.tenant().value(), queue.id(),
                    queue.name(), queue.defaultQueue(), waitLimit, sla.onWaitLimit().name(), sla.botMessage(),
                    answerLimit);
            if (!inserted) {
                Rows.update(connection, "UPDATE conversa_agent_queue SET name = ?, is_default = ?, wait_limit_ms = ?, "
                        + "on_wait_limit = ?, bot_message = ?, answer_limit_ms = ? WHERE tenant = ? AND queue_id = ?",
                        queue.name(), queue.defaultQueue(), waitLimit, sla.onWaitLimit().name(), sla.botMessage(),
                        answerLimit, queue.tenant().value(), queue.id());
            }
            return null;
        });
    }

    @Override
    public List<AgentQueue> listQueues(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        return database.inTransaction("listing queues", connection -> Rows.query(connection, "SELECT "
                + QUEUE_COLUMNS + " FROM conversa_agent_queue WHERE tenant = ? ORDER BY queue_id",
                JdbcAgentStore::queue, tenant.value()));
    }

    @Override
    public boolean enqueue(TenantId tenant, ConversationKey conversation, String queue, String reason, Instant now) {
        Object[] key = key(tenant, conversation);
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(now, "now");
        return database.inTransaction("queueing a conversation for an agent", connection ->
                inserts.insertIfAbsent(connection, "INSERT INTO conversa_assignment (tenant, channel, account_id, "
                        + "contact_id, queue_id, reason, queued_at) VALUES (?, ?, ?, ?, ?, ?, ?)", key[0], key[1],
                        key[2], key[3], queue, Rows.clip(reason, 1000), now));
    }

    @Override
    public Optional<Assignment> findAssignment(TenantId tenant, ConversationKey conversation) {
        Object[] key = key(tenant, conversation);
        return database.inTransaction("reading an assignment", connection -> find(connection, key));
    }

    @Override
    public List<Assignment> waiting(TenantId tenant, String queue, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(queue, "queue");
        return database.inTransaction("listing waiting conversations", connection -> Rows.query(connection,
                "SELECT " + ASSIGNMENT_COLUMNS + " FROM conversa_assignment WHERE tenant = ? AND queue_id = ? "
                        + "AND agent_id IS NULL" + BY_CONVERSATION + " LIMIT ?",
                JdbcAgentStore::assignment, tenant.value(), queue, limit));
    }

    @Override
    public List<Assignment> assignedTo(TenantId tenant, String agentId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(agentId, "agentId");
        return database.inTransaction("listing an agent's conversations", connection -> Rows.query(connection,
                "SELECT " + ASSIGNMENT_COLUMNS + " FROM conversa_assignment WHERE tenant = ? AND agent_id = ? "
                        + "ORDER BY assigned_at, queued_at, channel, account_id, contact_id",
                JdbcAgentStore::assignment, tenant.value(), agentId));
    }

    @Override
    public Optional<Assignment> assign(TenantId tenant, ConversationKey conversation, String agentId,
            Optional<String> currentAgent, Instant now) {
        Object[] key = key(tenant, conversation);
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(currentAgent, "currentAgent");
        Objects.requireNonNull(now, "now");
        return database.inTransaction("assigning a conversation", connection -> {
            Optional<Agent> agent = Rows.first(connection, "SELECT " + AGENT_COLUMNS + " FROM conversa_agent "
                    + "WHERE tenant = ? AND agent_id = ? FOR UPDATE", JdbcAgentStore::agent, key[0], agentId);
            if (agent.isEmpty() || agent.get().presence() != Presence.ONLINE
                    || active(connection, key[0], agentId) >= agent.get().maxConversations()) {
                return Optional.<Assignment>empty();
            }
            int taken = currentAgent.isEmpty()
                    ? Rows.update(connection, "UPDATE conversa_assignment SET agent_id = ?, assigned_at = ?" + BY_KEY
                            + " AND agent_id IS NULL", agentId, now, key[0], key[1], key[2], key[3])
                    : Rows.update(connection, "UPDATE conversa_assignment SET agent_id = ?, assigned_at = ?" + BY_KEY
                            + " AND agent_id = ?", agentId, now, key[0], key[1], key[2], key[3], currentAgent.get());
            if (taken != 1) {
                return Optional.<Assignment>empty();
            }
            Rows.update(connection, "UPDATE conversa_agent SET last_assigned_at = ? WHERE tenant = ? AND agent_id = ?",
                    now, key[0], agentId);
            return find(connection, key);
        });
    }

    @Override
    public Optional<Assignment> requeue(TenantId tenant, ConversationKey conversation, String queue, Instant now) {
        Object[] key = key(tenant, conversation);
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(now, "now");
        return database.inTransaction("queueing a conversation again", connection -> {
            int changed = Rows.update(connection, "UPDATE conversa_assignment SET queue_id = ?, agent_id = NULL, "
                    + "assigned_at = NULL, queued_at = ?, priority = 0" + BY_KEY, queue, now, key[0], key[1], key[2],
                    key[3]);
            return changed == 1 ? find(connection, key) : Optional.<Assignment>empty();
        });
    }

    @Override
    public Optional<Assignment> requeue(TenantId tenant, ConversationKey conversation, String queue, int priority,
            Optional<String> currentAgent, Instant now) {
        Object[] key = key(tenant, conversation);
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(currentAgent, "currentAgent");
        Objects.requireNonNull(now, "now");
        return database.inTransaction("queueing a conversation again", connection -> {
            String set = "UPDATE conversa_assignment SET queue_id = ?, agent_id = NULL, assigned_at = NULL, "
                    + "queued_at = ?, priority = ?" + BY_KEY;
            int changed = currentAgent.isEmpty()
                    ? Rows.update(connection, set + " AND agent_id IS NULL", queue, now, priority, key[0], key[1],
                            key[2], key[3])
                    : Rows.update(connection, set + " AND agent_id = ?", queue, now, priority, key[0], key[1], key[2],
                            key[3], currentAgent.get());
            return changed == 1 ? find(connection, key) : Optional.<Assignment>empty();
        });
    }

    @Override
    public boolean dequeue(TenantId tenant, ConversationKey conversation, Optional<String> currentAgent) {
        Object[] key = key(tenant, conversation);
        Objects.requireNonNull(currentAgent, "currentAgent");
        return database.inTransaction("removing an assignment", connection -> currentAgent.isEmpty()
                ? Rows.update(connection, "DELETE FROM conversa_assignment" + BY_KEY + " AND agent_id IS NULL",
                        key) > 0
                : Rows.update(connection, "DELETE FROM conversa_assignment" + BY_KEY + " AND agent_id = ?", key[0],
                        key[1], key[2], key[3], currentAgent.get()) > 0);
    }

    @Override
    public boolean dequeue(TenantId tenant, ConversationKey conversation) {
        Object[] key = key(tenant, conversation);
        return database.inTransaction("removing an assignment", connection -> Rows.update(connection,
                "DELETE FROM conversa_assignment" + BY_KEY, key) > 0);
    }

    @Override
    public void addNote(Note note) {
        Objects.requireNonNull(note, "note");
        Object[] key = key(note.tenant(), note.conversation());
        database.inTransaction("adding a note", connection -> Rows.update(connection, "INSERT INTO conversa_note "
                + "(tenant, note_id, channel, account_id, contact_id, agent_id, body, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", key[0], note.id(), key[1], key[2], key[3], note.agent(),
                note.text(), note.createdAt()));
    }

    @Override
    public List<Note> notes(TenantId tenant, ConversationKey conversation) {
        Object[] key = key(tenant, conversation);
        return database.inTransaction("listing notes", connection -> Rows.query(connection, "SELECT tenant, note_id, "
                + "channel, account_id, contact_id, agent_id, body, created_at FROM conversa_note" + BY_KEY
                + " ORDER BY created_at, note_id", row -> new Note(TenantId.of(row.getString("tenant")),
                        conversation(row), row.getString("note_id"), row.getString("agent_id"), row.getString("body"),
                        Rows.instant(row, "created_at")), key));
    }

    @Override
    public int deleteNotes(TenantId tenant, ConversationKey conversation) {
        Object[] key = key(tenant, conversation);
        return database.inTransaction("deleting notes", connection -> Rows.update(connection,
                "DELETE FROM conversa_note" + BY_KEY, key));
    }

    @Override
    public void recordEvent(HandoffEvent event) {
        Objects.requireNonNull(event, "event");
        Object[] key = key(event.tenant(), event.conversation());
        database.inTransaction("recording a handoff step", connection -> Rows.update(connection, "INSERT INTO "
                + "conversa_handoff_event (tenant, channel, account_id, contact_id, kind, queue_id, agent_id, "
                + "happened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", key[0], key[1], key[2], key[3], event.kind().name(),
                event.queue().orElse(null), event.agent().orElse(null), event.at()));
    }

    @Override
    public List<HandoffEvent> events(TenantId tenant, Instant from, Instant to) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return database.inTransaction("listing handoff steps", connection -> Rows.query(connection, "SELECT tenant, "
                + "channel, account_id, contact_id, kind, queue_id, agent_id, happened_at FROM conversa_handoff_event "
                + "WHERE tenant = ? AND happened_at >= ? AND happened_at < ? ORDER BY happened_at, seq",
                row -> new HandoffEvent(TenantId.of(row.getString("tenant")), conversation(row),
                        HandoffEvent.Kind.valueOf(row.getString("kind")),
                        Optional.ofNullable(row.getString("queue_id")), Optional.ofNullable(row.getString("agent_id")),
                        Rows.instant(row, "happened_at")), tenant.value(), from, to));
    }

    @Override
    public int deleteEvents(TenantId tenant, ConversationKey conversation) {
        Object[] key = key(tenant, conversation);
        return database.inTransaction("deleting handoff steps", connection -> Rows.update(connection,
                "DELETE FROM conversa_handoff_event" + BY_KEY, key));
    }

    private static int active(Connection connection, Object tenant, String agentId) throws SQLException {
        return Rows.first(connection, "SELECT COUNT(*) AS active FROM conversa_assignment WHERE tenant = ? "
                + "AND agent_id = ?", row -> row.getInt("active"), tenant, agentId).orElse(0);
    }

    private static Optional<Assignment> find(Connection connection, Object[] key) throws SQLException {
        return Rows.first(connection, "SELECT " + ASSIGNMENT_COLUMNS + " FROM conversa_assignment" + BY_KEY,
                JdbcAgentStore::assignment, key);
    }

    private static Object[] key(TenantId tenant, ConversationKey conversation) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(conversation, "conversation");
        return new Object[] {tenant.value(), conversation.channel().value(), conversation.accountId(),
            conversation.contactId()};
    }

    private static ConversationKey conversation(ResultSet row) throws SQLException {
        return new ConversationKey(new ChannelType(row.getString("channel")), row.getString("account_id"),
                row.getString("contact_id"));
    }

    private static Agent agent(ResultSet row) throws SQLException {
        String queues = row.getString("queues");
        Set<String> served = queues.isEmpty() ? Set.of()
                : Arrays.stream(queues.split(",")).collect(Collectors.toUnmodifiableSet());
        return new Agent(TenantId.of(row.getString("tenant")), row.getString("agent_id"),
                row.getString("display_name"), served, Presence.valueOf(row.getString("presence")),
                row.getInt("max_conversations"));
    }

    private static Assignment assignment(ResultSet row) throws SQLException {
        return new Assignment(TenantId.of(row.getString("tenant")), conversation(row), row.getString("queue_id"),
                Rows.optionalText(row, "agent_id"), row.getString("reason"), Rows.instant(row, "queued_at"),
                Rows.optionalInstant(row, "assigned_at"), row.getInt("priority"));
    }

    private static AgentQueue queue(ResultSet row) throws SQLException {
        Optional<Duration> waitLimit = Optional.ofNullable(row.getObject("wait_limit_ms", Long.class))
                .map(Duration::ofMillis);
        Optional<Duration> answerLimit = Optional.ofNullable(row.getObject("answer_limit_ms", Long.class))
                .map(Duration::ofMillis);
        String onWaitLimit = row.getString("on_wait_limit");
        SlaPolicy sla = new SlaPolicy(waitLimit, onWaitLimit == null ? SlaPolicy.WaitEscalation.RAISE_PRIORITY
                : SlaPolicy.WaitEscalation.valueOf(onWaitLimit), Rows.optionalText(row, "bot_message"), answerLimit);
        return new AgentQueue(TenantId.of(row.getString("tenant")), row.getString("queue_id"), row.getString("name"),
                row.getBoolean("is_default"), sla);
    }
}
