package dev.conversa.jdbc.internal;

import dev.conversa.internal.store.StoreArguments;
import dev.conversa.model.Author;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Direction;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.TenantId;
import dev.conversa.store.MessageStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Messages in {@code conversa_message}. A status moves forward in one statement that compares
 * ranks in the database, so concurrent status webhooks never move it back. A rename onto an id
 * already stored (the channel echoed the message first) replaces that row, keeping the
 * furthest status of the two.
 */
public final class JdbcMessageStore implements MessageStore {

    private static final String COLUMNS = "tenant, channel, account_id, contact_id, message_id, direction, author, "
            + "kind, body, status, sent_at";
    private static final String BY_ID = " WHERE tenant = ? AND channel = ? AND message_id = ?";
    private static final String BY_CONVERSATION =
            " WHERE tenant = ? AND channel = ? AND account_id = ? AND contact_id = ?";

    private final Database database;
    private final Inserts inserts;

    /**
     * Creates the store.
     *
     * @param database the database
     */
    public JdbcMessageStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.inserts = new Inserts(database.dialect());
    }

    @Override
    public boolean append(MessageRecord m) {
        Objects.requireNonNull(m, "message");
        return database.inTransaction("appending a message", connection -> inserts.insertIfAbsent(connection,
                "INSERT INTO conversa_message (" + COLUMNS + ", status_rank) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.tenant().value(), m.conversation().channel().value(), m.conversation().accountId(),
                m.conversation().contactId(), m.messageId(), m.direction().name(), m.author().name(), m.kind(),
                m.text(), m.status().name(), m.timestamp(), rank(m.status())));
    }

    @Override
    public boolean updateStatus(TenantId tenant, ChannelType channel, String messageId, DeliveryStatus status) {
        Objects.requireNonNull(status, "status");
        if (status == DeliveryStatus.UNKNOWN) {
            return false;
        }
        Object[] id = idOf(tenant, channel, messageId);
        return database.inTransaction("updating a message status", connection -> Rows.update(connection,
                "UPDATE conversa_message SET status = ?, status_rank = ?" + BY_ID + " AND status_rank < ?",
                status.name(), rank(status), id[0], id[1], id[2], rank(status)) == 1);
    }

    @Override
    public boolean rename(TenantId tenant, ChannelType channel, String oldId, String newId) {
        Objects.requireNonNull(newId, "newId");
        Object[] id = idOf(tenant, channel, oldId);
        return database.inTransaction("renaming a message", connection -> {
            Optional<DeliveryStatus> renamed = status(connection, id[0], id[1], oldId);
            if (renamed.isEmpty()) {
                return false;
            }
            DeliveryStatus status = renamed.get();
            if (!newId.equals(oldId)) {
                Optional<DeliveryStatus> echoed = status(connection, id[0], id[1], newId);
                status = echoed.filter(e -> e.isAfter(renamed.get())).orElse(status);
                Rows.update(connection, "DELETE FROM conversa_message" + BY_ID, id[0], id[1], newId);
            }
            return Rows.update(connection, "UPDATE conversa_message SET message_id = ?, status = ?, status_rank = ?"
                    + BY_ID, newId, status.name(), rank(status), id[0], id[1], id[2]) == 1;
        });
    }

    private static Optional<DeliveryStatus> status(Connection connection, Object tenant, Object channel,
            String messageId) throws SQLException {
        return Rows.first(connection, "SELECT status FROM conversa_message" + BY_ID + " FOR UPDATE",
                row -> DeliveryStatus.valueOf(row.getString(1)), tenant, channel, messageId);
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
        return database.inTransaction("finding a message", connection -> Rows.first(connection,
                "SELECT " + COLUMNS + " FROM conversa_message" + BY_ID, JdbcMessageStore::message, id));
    }

    @Override
    public List<MessageRecord> history(TenantId tenant, ConversationKey conversation, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(conversation, "conversation");
        StoreArguments.requireLimit(limit);
        List<MessageRecord> newestFirst = database.inTransaction("reading a history", connection -> Rows.query(
                connection, "SELECT " + COLUMNS + " FROM conversa_message" + BY_CONVERSATION
                        + " ORDER BY sent_at DESC, seq DESC LIMIT ?", JdbcMessageStore::message, tenant.value(),
                conversation.channel().value(), conversation.accountId(), conversation.contactId(), limit));
        List<MessageRecord> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return List.copyOf(oldestFirst);
    }

    @Override
    public boolean delete(TenantId tenant, ChannelType channel, String messageId) {
        Object[] id = idOf(tenant, channel, messageId);
        return database.inTransaction("deleting a message", connection -> Rows.update(connection,
                "DELETE FROM conversa_message" + BY_ID, id) == 1);
    }

    @Override
    public int deleteConversation(TenantId tenant, ConversationKey conversation) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(conversation, "conversation");
        return database.inTransaction("deleting a conversation's messages", connection -> Rows.update(connection,
                "DELETE FROM conversa_message" + BY_CONVERSATION, tenant.value(), conversation.channel().value(),
                conversation.accountId(), conversation.contactId()));
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
                Rows.instant(row, "sent_at"));
    }
}
