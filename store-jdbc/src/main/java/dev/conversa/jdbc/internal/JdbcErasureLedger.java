package dev.conversa.jdbc.internal;

import dev.conversa.internal.store.StoreArguments;
import dev.conversa.model.TenantId;
import dev.conversa.store.ErasureEntry;
import dev.conversa.store.ErasureLedger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The erasure ledger in {@code conversa_erasure}: keyed hashes only, counts as a JSON object. */
public final class JdbcErasureLedger implements ErasureLedger {

    /** Hashes looked up per query. */
    private static final int BATCH = 100;

    private final Database database;
    private final Inserts inserts;

    /**
     * Creates the ledger.
     *
     * @param database the database
     */
    public JdbcErasureLedger(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.inserts = new Inserts(database.dialect());
    }

    @Override
    public void record(ErasureEntry entry) {
        Objects.requireNonNull(entry, "entry");
        String counts = JsonMaps.writeCounts(entry.counts());
        database.inTransaction("recording an erasure", connection -> {
            boolean inserted = inserts.insertIfAbsent(connection, "INSERT INTO conversa_erasure (tenant, key_hash, "
                    + "erased_at, counts) VALUES (?, ?, ?, ?)", entry.tenant().value(), entry.keyHash(),
                    entry.erasedAt(), counts);
            if (!inserted) {
                Optional<Instant> stored = Rows.first(connection, "SELECT erased_at FROM conversa_erasure WHERE "
                        + "tenant = ? AND key_hash = ?", row -> Rows.instant(row, "erased_at"), entry.tenant().value(),
                        entry.keyHash());
                Instant at = stored.filter(s -> s.isAfter(entry.erasedAt())).orElse(entry.erasedAt());
                Rows.update(connection, "UPDATE conversa_erasure SET erased_at = ?, counts = ? WHERE tenant = ? AND "
                        + "key_hash = ?", at, counts, entry.tenant().value(), entry.keyHash());
            }
            return null;
        });
    }

    @Override
    public Map<String, Instant> erasedAt(TenantId tenant, Collection<String> keyHashes) {
        Objects.requireNonNull(tenant, "tenant");
        List<String> all = List.copyOf(keyHashes);
        Map<String, Instant> found = new LinkedHashMap<>();
        if (all.isEmpty()) {
            return found;
        }
        return database.inTransaction("looking up erasures", connection -> {
            for (int from = 0; from < all.size(); from += BATCH) {
                List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
                List<Object> values = new ArrayList<>();
                values.add(tenant.value());
                values.addAll(batch);
                String marks = String.join(", ", java.util.Collections.nCopies(batch.size(), "?"));
                for (Object[] row : Rows.query(connection, "SELECT key_hash, erased_at FROM conversa_erasure WHERE "
                        + "tenant = ? AND key_hash IN (" + marks + ")",
                        r -> new Object[] {r.getString("key_hash"), Rows.instant(r, "erased_at")}, values.toArray())) {
                    found.put((String) row[0], (Instant) row[1]);
                }
            }
            return found;
        });
    }

    @Override
    public List<ErasureEntry> list(TenantId tenant, int offset, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        StoreArguments.requireLimit(offset);
        StoreArguments.requireLimit(limit);
        return database.inTransaction("listing erasures", connection -> Rows.query(connection,
                "SELECT tenant, key_hash, erased_at, counts FROM conversa_erasure WHERE tenant = ? ORDER BY key_hash "
                        + "LIMIT ? OFFSET ?", JdbcErasureLedger::entry, tenant.value(), limit, offset));
    }

    @Override
    public List<TenantId> tenants() {
        return database.inTransaction("listing tenants with erasures", connection -> Rows.query(connection,
                "SELECT DISTINCT tenant FROM conversa_erasure ORDER BY tenant", row -> TenantId.of(row.getString(
                        "tenant"))));
    }

    private static ErasureEntry entry(ResultSet row) throws SQLException {
        return new ErasureEntry(TenantId.of(row.getString("tenant")), row.getString("key_hash").strip(),
                Rows.instant(row, "erased_at"), JsonMaps.readCounts(row.getString("counts")));
    }
}
