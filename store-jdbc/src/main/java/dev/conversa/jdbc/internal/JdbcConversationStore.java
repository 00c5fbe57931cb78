package dev.conversa.jdbc.internal;

import dev.conversa.internal.store.StoreArguments;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.TenantId;
import dev.conversa.store.ConversationStore;
import dev.conversa.store.PurgeScope;
import dev.conversa.store.SenderTurn;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Conversations in {@code conversa_conversation}, updated by compare-and-set on the version, and
 * the turn budget's counts ({@link TurnCounts}).
 */
public final class JdbcConversationStore implements ConversationStore {

    private static final String COLUMNS = "tenant, channel, account_id, contact_id, state, last_inbound_at, "
            + "reply_due_at, unanswered_since, updated_at, version";
    private static final String BY_KEY = " WHERE tenant = ? AND channel = ? AND account_id = ? AND contact_id = ?";
    /** On PostgreSQL, a new conversation inserted, or the stored one read: {@link #openInOne}. */
    private static final String OPEN_OR_READ = "WITH opened AS (INSERT INTO conversa_conversation (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING " + COLUMNS + ") SELECT FALSE "
            + "AS stored, " + COLUMNS + " FROM opened UNION ALL SELECT TRUE, " + COLUMNS + " FROM conversa_conversation"
            + BY_KEY;

    private final Database database;
    private final Inserts inserts;
    private final IdleConversations idle;
    private final TurnCounts turns;

    /**
     * Creates the store.
     *
     * @param database the database
     */
    public JdbcConversationStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.inserts = new Inserts(database.dialect());
        this.idle = new IdleConversations(database);
        this.turns = new TurnCounts(database);
    }

    @Override
    public Conversation getOrOpen(TenantId tenant, ConversationKey key, Instant now) {
        Objects.requireNonNull(now, "now");
        // the columns hold microseconds: a conversation opened here is returned as stored
        Conversation opened = Conversation.open(Objects.requireNonNull(tenant, "tenant"),
                Objects.requireNonNull(key, "key"), Rows.asStored(now));
        if (database.dialect() == Dialect.POSTGRESQL) {
            return database.inTransaction("opening a conversation", connection -> openInOne(connection, opened));
        }
        // read first: most messages are of a conversation that exists, which then costs one statement;
        // a new one is returned as inserted
        return database.inTransaction("opening a conversation", connection -> {
            Optional<Conversation> existing = byKey(connection, keyOf(tenant, key));
            if (existing.isPresent()) {
                return existing.get();
            }
            if (inserts.insertIfAbsent(connection, "INSERT INTO conversa_conversation (" + COLUMNS + ") "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values(opened))) {
                return opened;
            }
            return byKey(connection, keyOf(tenant, key)).orElseThrow();
        });
    }

    /**
     * {@link #getOrOpen} on PostgreSQL: the insert and the read of a stored row in one statement,
     * so a new conversation costs one statement, as an existing one does. Both parts read the
     * statement's snapshot: a row another transaction inserted meanwhile is neither inserted again
     * nor seen, and is then read by a second statement.
     */
    private static Conversation openInOne(Connection connection, Conversation opened) throws SQLException {
        Object[] key = keyOf(opened.tenant(), opened.key());
        Optional<Optional<Conversation>> found = Rows.first(connection, OPEN_OR_READ,
                row -> row.getBoolean("stored") ? Optional.of(conversation(row)) : Optional.empty(),
                Rows.join(values(opened), key));
        if (found.isPresent()) {
            return found.get().orElse(opened);
        }
        return byKey(connection, key).orElseThrow();
    }

    private static Optional<Conversation> byKey(Connection connection, Object[] key) throws SQLException {
        return Rows.first(connection, "SELECT " + COLUMNS + " FROM conversa_conversation" + BY_KEY,
                JdbcConversationStore::conversation, key);
    }

    @Override
    public Optional<Conversation> find(TenantId tenant, ConversationKey key) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(key, "key");
        return database.read("finding a conversation", connection -> byKey(connection, keyOf(tenant, key)));
    }

    @Override
    public Optional<Conversation> update(Conversation conversation) {
        Objects.requireNonNull(conversation, "conversation");
        Object[] key = keyOf(conversation.tenant(), conversation.key());
        int changed = database.inTransaction("updating a conversation", connection -> Rows.update(connection,
                "UPDATE conversa_conversation SET state = ?, last_inbound_at = ?, reply_due_at = ?, "
                        + "unanswered_since = ?, updated_at = ?, version = version + 1" + BY_KEY + " AND version = ?",
                conversation.state().name(), conversation.lastInboundAt(), conversation.replyDueAt(),
                conversation.unansweredSince(), conversation.updatedAt(), key[0], key[1], key[2], key[3],
                conversation.version()));
        return changed == 1
                ? Optional.of(new Conversation(conversation.tenant(), conversation.key(), conversation.state(),
                        conversation.lastInboundAt(), conversation.replyDueAt(), conversation.unansweredSince(),
                        conversation.updatedAt(), conversation.version() + 1))
                : Optional.empty();
    }

    @Override
    public List<Conversation> list(TenantId tenant, Optional<ConversationState> state, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(state, "state");
        StoreArguments.requireLimit(limit);
        String filter = state.isPresent() ? " AND state = ?" : "";
        Object[] values = state.isPresent() ? new Object[] {tenant.value(), state.get().name(), limit}
                : new Object[] {tenant.value(), limit};
        return database.read("listing conversations", connection -> Rows.query(connection,
                "SELECT " + COLUMNS + " FROM conversa_conversation WHERE tenant = ?" + filter
                        + " ORDER BY updated_at DESC, channel, account_id, contact_id LIMIT ?",
                JdbcConversationStore::conversation, values));
    }

    @Override
    public boolean delete(TenantId tenant, ConversationKey key) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(key, "key");
        return database.inTransaction("deleting a conversation", connection -> Rows.update(connection,
                "DELETE FROM conversa_conversation" + BY_KEY, keyOf(tenant, key)) == 1);
    }

    @Override
    public SenderTurn takeTurn(TenantId tenant, ConversationKey key, Instant window, int allowed) {
        return turns.take(tenant, key, window, allowed);
    }

    @Override
    public int grantTenantTurns(TenantId tenant, Instant window, int wanted, int limit) {
        return turns.grant(tenant, window, wanted, limit);
    }

    @Override
    public int purgeIdle(PurgeScope scope, Instant cutoff, int limit) {
        return idle.purge(scope, cutoff, limit);
    }

    private static Object[] keyOf(TenantId tenant, ConversationKey key) {
        return new Object[] {tenant.value(), key.channel().value(), key.accountId(), key.contactId()};
    }

    private static Object[] values(Conversation c) {
        return new Object[] {c.tenant().value(), c.key().channel().value(), c.key().accountId(), c.key().contactId(),
            c.state().name(), c.lastInboundAt(), c.replyDueAt(), c.unansweredSince(), c.updatedAt(), c.version()};
    }

    private static Conversation conversation(ResultSet row) throws SQLException {
        ConversationKey key = new ConversationKey(new ChannelType(row.getString("channel")),
                row.getString("account_id"), row.getString("contact_id"));
        return new Conversation(TenantId.of(row.getString("tenant")), key,
                ConversationState.valueOf(row.getString("state")), Rows.optionalInstant(row, "last_inbound_at"),
                Rows.optionalInstant(row, "reply_due_at"), Rows.optionalInstant(row, "unanswered_since"),
                Rows.instant(row, "updated_at"), row.getLong("version"));
    }
}
