package dev.conversa.jdbc.internal;

import dev.conversa.internal.store.StoreArguments;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Contact;
import dev.conversa.model.TenantId;
import dev.conversa.store.ContactStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Contacts in {@code conversa_contact}, their former ids in {@code conversa_contact_former_id}.
 * Phone numbers are also kept as bare digits, so a lookup by {@code +49 170 ...} finds
 * {@code 49170...}.
 */
public final class JdbcContactStore implements ContactStore {

    private static final String COLUMNS = "tenant, channel, external_id, name, username, phone_number, first_seen";
    /**
     * A person's contacts by an identifier: each way it may match is its own branch on its own
     * index (external id, lowered user name, phone digits, former ids), so a lookup reads the
     * rows that match, not every contact of the tenant (one condition with ORs could use no index).
     * One equality per branch: for an {@code IN} on an index's second column H2 uses only the
     * leading {@code tenant}, and read every contact of the tenant.
     */
    private static final String MATCHES = "SELECT " + COLUMNS + " FROM conversa_contact WHERE tenant = ? "
            + "AND external_id = ? UNION SELECT " + COLUMNS + " FROM conversa_contact WHERE tenant = ? "
            + "AND external_id = ? UNION SELECT " + COLUMNS + " FROM conversa_contact WHERE tenant = ? "
            + "AND username_key = ? UNION SELECT " + COLUMNS + " FROM conversa_contact WHERE tenant = ? "
            + "AND phone_digits = ?" + formerIdBranch() + formerIdBranch();
    private static final String BY_IDENTIFIER = MATCHES + " ORDER BY channel, external_id";
    /** The matches, each with its former ids: a row per former id, or one with none. */
    private static final String BY_IDENTIFIER_WITH_FORMER_IDS = "SELECT m.tenant, m.channel, m.external_id, m.name, "
            + "m.username, m.phone_number, m.first_seen, f.former_id FROM (" + MATCHES + ") m "
            + "LEFT JOIN conversa_contact_former_id f ON f.tenant = m.tenant AND f.channel = m.channel "
            + "AND f.external_id = m.external_id ORDER BY m.channel, m.external_id, f.former_id";

    private static String formerIdBranch() {
        return " UNION SELECT c.tenant, c.channel, c.external_id, c.name, c.username, c.phone_number, c.first_seen "
                + "FROM conversa_contact_former_id f JOIN conversa_contact c ON c.tenant = f.tenant "
                + "AND c.channel = f.channel AND c.external_id = f.external_id WHERE f.tenant = ? AND f.former_id = ?";
    }

    private final Database database;
    private final Inserts inserts;

    /**
     * Creates the store.
     *
     * @param database the database
     */
    public JdbcContactStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.inserts = new Inserts(database.dialect());
    }

    @Override
    public Contact upsert(Contact contact) {
        Objects.requireNonNull(contact, "contact");
        Object[] key = {contact.tenant().value(), contact.channel().value(), contact.externalId()};
        String phoneDigits = contact.phoneNumber().map(StoreArguments::phoneDigits).orElse(null);
        if (database.dialect() == Dialect.POSTGRESQL) {
            // one round trip instead of three: the row as it is after the insert or the update
            return database.inTransaction("saving a contact", connection -> Rows.first(connection,
                    "INSERT INTO conversa_contact (" + COLUMNS + ", phone_digits) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (tenant, channel, external_id) DO UPDATE SET "
                    + "name = COALESCE(EXCLUDED.name, conversa_contact.name), "
                    + "username = COALESCE(EXCLUDED.username, conversa_contact.username), "
                    + "phone_number = COALESCE(EXCLUDED.phone_number, conversa_contact.phone_number), "
                    + "phone_digits = COALESCE(EXCLUDED.phone_digits, conversa_contact.phone_digits) "
                    + "RETURNING " + COLUMNS, JdbcContactStore::contact, key[0], key[1], key[2],
                    contact.name().orElse(null), contact.username().orElse(null), contact.phoneNumber().orElse(null),
                    contact.firstSeen(), phoneDigits).orElseThrow());
        }
        return database.inTransaction("saving a contact", connection -> {
            inserts.insertIfAbsent(connection, "INSERT INTO conversa_contact (" + COLUMNS + ", phone_digits) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", key[0], key[1], key[2], contact.name().orElse(null),
                    contact.username().orElse(null), contact.phoneNumber().orElse(null), contact.firstSeen(),
                    phoneDigits);
            Rows.update(connection, "UPDATE conversa_contact SET name = COALESCE(?, name), "
                    + "username = COALESCE(?, username), phone_number = COALESCE(?, phone_number), "
                    + "phone_digits = COALESCE(?, phone_digits) WHERE tenant = ? AND channel = ? AND external_id = ?",
                    contact.name().orElse(null), contact.username().orElse(null),
                    contact.phoneNumber().orElse(null), phoneDigits, key[0], key[1], key[2]);
            return Rows.first(connection, "SELECT " + COLUMNS + " FROM conversa_contact "
                    + "WHERE tenant = ? AND channel = ? AND external_id = ?", JdbcContactStore::contact, key)
                    .orElseThrow();
        });
    }

    @Override
    public Optional<Contact> find(TenantId tenant, ChannelType channel, String externalId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(externalId, "externalId");
        return database.read("finding a contact", connection -> Rows.first(connection,
                "SELECT " + COLUMNS + " FROM conversa_contact WHERE tenant = ? AND channel = ? AND external_id = ?",
                JdbcContactStore::contact, tenant.value(), channel.value(), externalId));
    }

    @Override
    public List<Contact> findByIdentifier(TenantId tenant, String identifier) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(identifier, "identifier");
        return database.read("finding contacts", connection -> Rows.query(connection, BY_IDENTIFIER,
                JdbcContactStore::contact, byIdentifierArguments(tenant, identifier)));
    }

    /** The arguments of {@link #MATCHES}, branch by branch. */
    private static Object[] byIdentifierArguments(TenantId tenant, String identifier) {
        String phoneDigits = StoreArguments.phoneDigitsOf(identifier).orElse(null);
        String t = tenant.value();
        return new Object[] {t, identifier, t, phoneDigits, t,
                StoreArguments.usernameOf(identifier).toLowerCase(Locale.ROOT), t, phoneDigits, t, identifier, t,
                phoneDigits};
    }

    /**
     * On PostgreSQL one query instead of {@link #findByIdentifier} and a {@link #formerIds} per
     * contact found. H2 keeps those: it ran the joined query two to four times slower than the two
     * (5,000 contacts, a file database, 5,000 lookups a round).
     */
    @Override
    public Map<Contact, List<String>> findByIdentifierWithFormerIds(TenantId tenant, String identifier) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(identifier, "identifier");
        if (database.dialect() != Dialect.POSTGRESQL) {
            return ContactStore.super.findByIdentifierWithFormerIds(tenant, identifier);
        }
        List<Match> rows = database.read("finding contacts", connection -> Rows.query(connection,
                BY_IDENTIFIER_WITH_FORMER_IDS, row -> new Match(contact(row), row.getString("former_id")),
                byIdentifierArguments(tenant, identifier)));
        Map<Contact, List<String>> found = new LinkedHashMap<>();
        for (Match row : rows) {
            List<String> formerIds = found.computeIfAbsent(row.contact(), contact -> new ArrayList<>());
            if (row.formerId() != null) {
                formerIds.add(row.formerId());
            }
        }
        found.replaceAll((contact, formerIds) -> List.copyOf(formerIds));
        return Collections.unmodifiableMap(found);
    }

    /** A contact an identifier matched, with one of its former ids or none. */
    private record Match(Contact contact, String formerId) {
    }

    @Override
    public void link(TenantId tenant, ChannelType channel, String externalId, String formerId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(formerId, "formerId");
        if (formerId.equals(externalId)) {
            return;
        }
        database.inTransaction("linking a former id", connection -> inserts.insertIfAbsent(connection,
                "INSERT INTO conversa_contact_former_id (tenant, channel, external_id, former_id) VALUES (?, ?, ?, ?)",
                tenant.value(), channel.value(), externalId, formerId));
    }

    @Override
    public List<String> formerIds(TenantId tenant, ChannelType channel, String externalId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(externalId, "externalId");
        return database.read("reading former ids", connection -> Rows.query(connection,
                "SELECT former_id FROM conversa_contact_former_id WHERE tenant = ? AND channel = ? AND external_id = ? "
                        + "ORDER BY former_id", row -> row.getString("former_id"), tenant.value(), channel.value(),
                externalId));
    }

    @Override
    public boolean replace(Contact contact) {
        Objects.requireNonNull(contact, "contact");
        return database.inTransaction("replacing a contact", connection -> Rows.update(connection,
                "UPDATE conversa_contact SET name = ?, username = ?, phone_number = ?, phone_digits = ? "
                        + "WHERE tenant = ? AND channel = ? AND external_id = ?", contact.name().orElse(null),
                contact.username().orElse(null), contact.phoneNumber().orElse(null),
                contact.phoneNumber().map(StoreArguments::phoneDigits).orElse(null), contact.tenant().value(),
                contact.channel().value(), contact.externalId()) == 1);
    }

    @Override
    public List<Contact> list(TenantId tenant, int offset, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        StoreArguments.requireLimit(offset);
        StoreArguments.requireLimit(limit);
        return database.read("listing contacts", connection -> Rows.query(connection,
                "SELECT " + COLUMNS + " FROM conversa_contact WHERE tenant = ? ORDER BY channel, external_id "
                        + "LIMIT ? OFFSET ?", JdbcContactStore::contact, tenant.value(), limit, offset));
    }

    @Override
    public boolean delete(TenantId tenant, ChannelType channel, String externalId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(externalId, "externalId");
        return database.inTransaction("deleting a contact", connection -> {
            Rows.update(connection, "DELETE FROM conversa_contact_former_id WHERE tenant = ? AND channel = ? "
                    + "AND external_id = ?", tenant.value(), channel.value(), externalId);
            return Rows.update(connection, "DELETE FROM conversa_contact WHERE tenant = ? AND channel = ? "
                    + "AND external_id = ?", tenant.value(), channel.value(), externalId) == 1;
        });
    }


    private static Contact contact(ResultSet row) throws SQLException {
        return new Contact(TenantId.of(row.getString("tenant")), new ChannelType(row.getString("channel")),
                row.getString("external_id"), Rows.optionalText(row, "name"), Rows.optionalText(row, "username"),
                Rows.optionalText(row, "phone_number"), Rows.instant(row, "first_seen"));
    }
}
