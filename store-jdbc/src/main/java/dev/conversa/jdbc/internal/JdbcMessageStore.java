package dev.conversa.jdbc.internal;

import dev.conversa.internal.store.StoreArguments;
import dev.conversa.model.Author;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Direction;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.TenantId;
import dev.conversa.store.MessageMark;
import dev.conversa.store.MessageStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Messages in {@code conversa_message}. A status moves forward in one statement that compares
 * ranks in the database, so concurrent status webhooks never move it back. A rename onto an id
 * already stored (the channel echoed the message first) replaces that row, keeping the
 * furthest status of the two. The ids of a message's further parts are rows of {@code
 * conversa_message_part} naming the message's id; {@link #find} and {@link #updateStatus} look
 * there first, as the in-memory store does.
 */
public final class JdbcMessageStore implements MessageStore {

    private static final String COLUMNS = "tenant, channel, account_id, contact_id, message_id, direction, author, "
            + "kind, body, status, sent_at, agent_id";
    private static final String BY_ID = " WHERE tenant = ? AND channel = ? AND message_id = ?";
    /** A message by the id of one of its parts, else by its own id: bind tenant, channel, tenant, channel, id, id. */
    private static final String BY_ID_OR_PART = " WHERE tenant = ? AND channel = ? AND message_id = COALESCE("
            + "(SELECT message_id FROM conversa_message_part WHERE tenant = ? AND channel = ? AND part_id = ?), ?)";
    /** A message's row as a rename needs it, and whether part ids point at it. */
    private static final String SELECT_STORED = "SELECT message_id, status, account_id, contact_id, EXISTS (SELECT 1 "
            + "FROM conversa_message_part p WHERE p.tenant = m.tenant AND p.channel = m.channel "
            + "AND p.message_id = m.message_id) AS has_parts FROM conversa_message m";
    private static final String PARTS_OF = " WHERE tenant = ? AND channel = ? AND message_id = ?";
    private static final String BY_CONVERSATION =
            " WHERE tenant = ? AND channel = ? AND account_id = ? AND contact_id = ?";

    private static final int MAX_GROUP = 256;

    private final Database database;
    private final Inserts inserts;
    private final GroupCommit<StatusChange, Boolean> statuses;

    /**
     * Creates the store.
     *
     * @param database the database
     */
    public JdbcMessageStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.inserts = new Inserts(database.dialect());
        this.statuses = new GroupCommit<>(database, "updating message statuses", MAX_GROUP, this::updateAll,
                GroupCommit.alone());
    }

    @Override
    public boolean append(MessageRecord m) {
        Objects.requireNonNull(m, "message");
        return insert(m, "?", m.timestamp());
    }

    /** On PostgreSQL the insert finds the conversation's latest time itself: one statement. */
    @Override
    public boolean appendNotBeforeLatest(MessageRecord m) {
        if (database.dialect() != Dialect.POSTGRESQL) {
            return MessageStore.super.appendNotBeforeLatest(m);
        }
        Objects.requireNonNull(m, "message");
        ConversationKey key = m.conversation();
        return insert(m, "GREATEST(?, (SELECT max(sent_at) FROM conversa_message" + BY_CONVERSATION + "))",
                m.timestamp(), m.tenant().value(), key.channel().value(), key.accountId(), key.contactId());
    }

    /** Inserts a message unless its id is stored, its time the SQL {@code sentAt} bound with {@code sentAtValues}. */
    private boolean insert(MessageRecord m, String sentAt, Object... sentAtValues) {
        ConversationKey key = m.conversation();
        Object[] before = {m.tenant().value(), key.channel().value(), key.accountId(), key.contactId(), m.messageId(),
            m.direction().name(), m.author().name(), m.kind(), m.text(), m.status().name()};
        Object[] values = Rows.join(Rows.join(before, sentAtValues), m.agent(), rank(m.status()));
        return database.inTransaction("appending a message", connection -> inserts.insertIfAbsent(connection,
                "INSERT INTO conversa_message (" + COLUMNS + ", status_rank) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + sentAt + ", ?, ?)", values));
    }

    @Override
    public boolean updateStatus(TenantId tenant, ChannelType channel, String messageId, DeliveryStatus status) {
        Objects.requireNonNull(status, "status");
        if (status == DeliveryStatus.UNKNOWN) {
            return false;
        }
        return statuses.write(new StatusChange(idOf(tenant, channel, messageId), status));
    }

    /**
     * Moves the statuses of concurrent workers in one transaction ({@link GroupCommit}): the many
     * statuses of one webhook, processed by several workers at once, share their commits. Each
     * update still moves a status only forward. Workers of one instance take one conversation at
     * a time, so a group's rows are almost always distinct; should two instances' groups deadlock
     * on a row, the database fails one, and {@link GroupCommit} writes its members one by one.
     */
    private List<Boolean> updateAll(Connection connection, List<StatusChange> group) throws SQLException {
        List<Boolean> moved = new ArrayList<>(group.size());
        for (StatusChange change : group) {
            Object[] id = change.id();
            int rank = rank(change.status());
            moved.add(Rows.update(connection,
                    "UPDATE conversa_message SET status = ?, status_rank = ?" + BY_ID_OR_PART + " AND status_rank < ?",
                    change.status().name(), rank, id[0], id[1], id[0], id[1], id[2], id[2], rank) == 1);
        }
        return moved;
    }

    private record StatusChange(Object[] id, DeliveryStatus status) {
    }

    /**
     * Renames the row, takes over the rows already stored under the new ids (echoes that
     * overtook the rename) keeping the furthest status, and points the part ids at the message.
     */
    @Override
    public boolean rename(TenantId tenant, ChannelType channel, String oldId, List<String> newIds) {
        return rename(tenant, channel, oldId, newIds, DeliveryStatus.UNKNOWN);
    }

    /** Renames as the method above, and moves the status forward to {@code status} in the same update. */
    @Override
    public boolean rename(TenantId tenant, ChannelType channel, String oldId, List<String> newIds,
            DeliveryStatus target) {
        Objects.requireNonNull(target, "status");
        List<String> ids = List.copyOf(newIds);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("newIds must name at least the message's own id");
        }
        Object[] id = idOf(tenant, channel, oldId);
        String newId = ids.get(0);
        Set<String> named = new LinkedHashSet<>();
        named.add(oldId);
        named.addAll(ids);
        return database.inTransaction("renaming a message", connection -> {
            Map<String, Stored> rows = stored(connection, id[0], id[1], named);
            Stored renamed = rows.get(oldId);
            if (renamed == null) {
                return false;
            }
            DeliveryStatus status = target.isAfter(renamed.status()) ? target : renamed.status();
            for (String taken : new LinkedHashSet<>(ids)) {
                if (!taken.equals(oldId)) {
                    // a record under the new id (a status or echo that came before the answer) gives way
                    Stored early = rows.get(taken);
                    if (early != null) {
                        status = early.status().isAfter(status) ? early.status() : status;
                        Rows.update(connection, "DELETE FROM conversa_message" + BY_ID, id[0], id[1], taken);
                    }
                }
            }
            Rows.update(connection, "UPDATE conversa_message SET message_id = ?, status = ?, status_rank = ?"
                    + BY_ID, newId, status.name(), rank(status), id[0], id[1], id[2]);
            // one statement with the update above (a data-modifying WITH) was tried on PostgreSQL: its
            // execution took 179 us against 110 for the two, and end to end it was slower in all three
            // alternating pairs
            if (renamed.hasParts()) {
                Rows.update(connection, "UPDATE conversa_message_part SET message_id = ?" + PARTS_OF, newId, id[0],
                        id[1], oldId);
            }
            for (String part : new LinkedHashSet<>(ids.subList(1, ids.size()))) {
                if (!part.equals(newId)) {
                    Rows.update(connection, "DELETE FROM conversa_message_part WHERE tenant = ? AND channel = ? "
                            + "AND part_id = ?", id[0], id[1], part);
                    Rows.update(connection, "INSERT INTO conversa_message_part (tenant, channel, part_id, message_id, "
                            + "account_id, contact_id) VALUES (?, ?, ?, ?, ?, ?)", id[0], id[1], part, newId,
                            renamed.accountId(), renamed.contactId());
                }
            }
            return true;
        });
    }

    /**
     * The rows stored under these ids, locked for the rename, by id: on PostgreSQL in one
     * statement; on H2 one per id, as H2 would use only the key's leading columns for an {@code
     * IN} on its last one (and runs one transaction at a time, so the order of the locks is moot).
     */
    private Map<String, Stored> stored(Connection connection, Object tenant, Object channel, Set<String> messageIds)
            throws SQLException {
        Map<String, Stored> rows = new HashMap<>();
        if (database.dialect() == Dialect.POSTGRESQL) {
            Object[] values = new Object[messageIds.size() + 2];
            values[0] = tenant;
            values[1] = channel;
            int i = 2;
            for (String messageId : messageIds) {
                values[i++] = messageId;
            }
            String in = String.join(", ", Collections.nCopies(messageIds.size(), "?"));
            for (Map.Entry<String, Stored> row : Rows.query(connection, SELECT_STORED + " WHERE tenant = ? "
                    + "AND channel = ? AND message_id IN (" + in + ") FOR UPDATE", JdbcMessageStore::storedRow,
                    values)) {
                rows.put(row.getKey(), row.getValue());
            }
            return rows;
        }
        for (String messageId : messageIds) {
            Rows.first(connection, SELECT_STORED + BY_ID + " FOR UPDATE", JdbcMessageStore::storedRow, tenant,
                    channel, messageId)
                    .ifPresent(row -> rows.put(row.getKey(), row.getValue()));
        }
        return rows;
    }

    private static Map.Entry<String, Stored> storedRow(ResultSet row) throws SQLException {
        return Map.entry(row.getString("message_id"), new Stored(DeliveryStatus.valueOf(row.getString("status")),
                row.getString("account_id"), row.getString("contact_id"), row.getBoolean("has_parts")));
    }

    @Override
    public boolean edit(TenantId tenant, ChannelType channel, String messageId, String kind, Optional<String> text) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Object[] id = idOf(tenant, channel, messageId);
        return database.inTransaction("editing a message", connection -> Rows.update(connection,
                "UPDATE conversa_message SET kind = ?, body = ?" + BY_ID, kind, text, id[0], id[1], id[2]) == 1);
    }

    @Override
    public Optional<MessageRecord> find(TenantId tenant, ChannelType channel, String messageId) {
        Object[] id = idOf(tenant, channel, messageId);
        return database.read("finding a message", connection -> Rows.first(connection,
                "SELECT " + COLUMNS + " FROM conversa_message" + BY_ID_OR_PART, JdbcMessageStore::message, id[0],
                id[1], id[0], id[1], id[2], id[2]));
    }

    @Override
    public List<MessageRecord> history(TenantId tenant, ConversationKey conversation, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(conversation, "conversation");
        StoreArguments.requireLimit(limit);
        List<MessageRecord> newestFirst = database.read("reading a history", connection -> Rows.query(
                connection, "SELECT " + COLUMNS + " FROM conversa_message" + BY_CONVERSATION
                        + " ORDER BY sent_at DESC, seq DESC LIMIT ?", JdbcMessageStore::message, tenant.value(),
                conversation.channel().value(), conversation.accountId(), conversation.contactId(), limit));
        List<MessageRecord> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return List.copyOf(oldestFirst);
    }

    @Override
    public List<MessageMark> marks(TenantId tenant, Instant from, Instant to) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return database.read("counting messages", connection -> Rows.query(connection, "SELECT channel, "
                + "account_id, contact_id, author, sent_at FROM conversa_message WHERE tenant = ? AND sent_at >= ? "
                + "AND sent_at < ? ORDER BY sent_at, seq", row -> new MessageMark(new ConversationKey(
                        new ChannelType(row.getString("channel")), row.getString("account_id"),
                        row.getString("contact_id")), Author.valueOf(row.getString("author")),
                        Rows.instant(row, "sent_at")), tenant.value(), from, to));
    }

    @Override
    public boolean delete(TenantId tenant, ChannelType channel, String messageId) {
        Object[] id = idOf(tenant, channel, messageId);
        return database.inTransaction("deleting a message", connection -> {
            Rows.update(connection, "DELETE FROM conversa_message_part" + PARTS_OF, id);
            return Rows.update(connection, "DELETE FROM conversa_message" + BY_ID, id) == 1;
        });
    }

    @Override
    public int deleteConversation(TenantId tenant, ConversationKey conversation) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(conversation, "conversation");
        Object[] key = {tenant.value(), conversation.channel().value(), conversation.accountId(),
            conversation.contactId()};
        return database.inTransaction("deleting a conversation's messages", connection -> {
            Rows.update(connection, "DELETE FROM conversa_message_part" + BY_CONVERSATION, key);
            return Rows.update(connection, "DELETE FROM conversa_message" + BY_CONVERSATION, key);
        });
    }

    /** The order statuses move in, as {@link DeliveryStatus#isAfter} defines it. */
    private static int rank(DeliveryStatus status) {
        int rank = 0;
        for (DeliveryStatus other : DeliveryStatus.values()) {
            if (status.isAfter(other)) {
                rank++;
            }
        }
        return rank;
    }

    /** A stored message's status and conversation, read under a row lock. */
    private record Stored(DeliveryStatus status, String accountId, String contactId, boolean hasParts) {}

    private static Object[] idOf(TenantId tenant, ChannelType channel, String messageId) {
        return new Object[] {Objects.requireNonNull(tenant, "tenant").value(),
            Objects.requireNonNull(channel, "channel").value(), Objects.requireNonNull(messageId, "messageId")};
    }

    private static MessageRecord message(ResultSet row) throws SQLException {
        ConversationKey key = new ConversationKey(new ChannelType(row.getString("channel")),
                row.getString("account_id"), row.getString("contact_id"));
        return new MessageRecord(TenantId.of(row.getString("tenant")), key, row.getString("message_id"),
                Direction.valueOf(row.getString("direction")), Author.valueOf(row.getString("author")),
                row.getString("kind"), Rows.optionalText(row, "body"), DeliveryStatus.valueOf(row.getString("status")),
                Rows.instant(row, "sent_at"), Rows.optionalText(row, "agent_id"));
    }
}
