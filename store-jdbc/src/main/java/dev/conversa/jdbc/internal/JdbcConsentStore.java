package dev.conversa.jdbc.internal;

import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import dev.conversa.store.ConsentRecord;
import dev.conversa.store.ConsentStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Consent changes in {@code conversa_consent}, one row per person, topic and time. */
public final class JdbcConsentStore implements ConsentStore {

    private static final String COLUMNS = "tenant, channel, contact_id, topic, changed_at, opted_in, source";
    private static final String PERSON = "tenant = ? AND channel = ? AND contact_id = ?";

    private final Database database;
    private final Inserts inserts;

    /**
     * Creates the store.
     *
     * @param database the database
     */
    public JdbcConsentStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.inserts = new Inserts(database.dialect());
    }

    @Override
    public void record(ConsentRecord change) {
        Objects.requireNonNull(change, "change");
        Object[] key = {change.tenant().value(), change.channel().value(), change.contactId(), change.topic(),
            change.at()};
        database.inTransaction("recording a consent change", connection -> {
            boolean inserted = inserts.insertIfAbsent(connection, "INSERT INTO conversa_consent (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?)", key[0], key[1], key[2], key[3], key[4], change.optedIn(),
                    change.source());
            if (!inserted) {
                Rows.update(connection, "UPDATE conversa_consent SET opted_in = ?, source = ? WHERE " + PERSON
                        + " AND topic = ? AND changed_at = ?", change.optedIn(), change.source(), key[0], key[1],
                        key[2], key[3], key[4]);
            }
            return null;
        });
    }

    @Override
    public Optional<ConsentRecord> latest(TenantId tenant, ChannelType channel, String contactId, String topic) {
        requirePerson(tenant, channel, contactId);
        Objects.requireNonNull(topic, "topic");
        return database.read("reading the latest consent change", connection -> Rows.first(connection,
                "SELECT " + COLUMNS + " FROM conversa_consent WHERE " + PERSON + " AND topic = ? "
                        + "ORDER BY changed_at DESC LIMIT 1",
                JdbcConsentStore::change, tenant.value(), channel.value(), contactId, topic));
    }

    @Override
    public List<ConsentRecord> list(TenantId tenant, ChannelType channel, String contactId) {
        requirePerson(tenant, channel, contactId);
        return database.read("listing consent changes", connection -> Rows.query(connection,
                "SELECT " + COLUMNS + " FROM conversa_consent WHERE " + PERSON + " ORDER BY changed_at, topic",
                JdbcConsentStore::change, tenant.value(), channel.value(), contactId));
    }

    @Override
    public int delete(TenantId tenant, ChannelType channel, String contactId) {
        requirePerson(tenant, channel, contactId);
        return database.inTransaction("deleting consent changes", connection -> Rows.update(connection,
                "DELETE FROM conversa_consent WHERE " + PERSON, tenant.value(), channel.value(), contactId));
    }

    private static void requirePerson(TenantId tenant, ChannelType channel, String contactId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(contactId, "contactId");
    }

    private static ConsentRecord change(ResultSet row) throws SQLException {
        return new ConsentRecord(TenantId.of(row.getString("tenant")), new ChannelType(row.getString("channel")),
                row.getString("contact_id"), row.getString("topic"), row.getBoolean("opted_in"),
                Rows.instant(row, "changed_at"), row.getString("source"));
    }
}
