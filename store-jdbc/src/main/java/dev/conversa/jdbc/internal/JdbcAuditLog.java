package dev.conversa.jdbc.internal;

import dev.conversa.internal.store.StoreArguments;
import dev.conversa.model.TenantId;
import dev.conversa.store.AuditEvent;
import dev.conversa.store.AuditLog;
import dev.conversa.store.PurgeScope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/** The audit log in {@code conversa_audit}; details are a JSON object of strings. */
public final class JdbcAuditLog implements AuditLog {

    private static final int PAGE = 500;

    private final Database database;

    /**
     * Creates the log.
     *
     * @param database the database
     */
    public JdbcAuditLog(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void record(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        database.inTransaction("recording an audit event", connection -> Rows.update(connection,
                "INSERT INTO conversa_audit (tenant, occurred_at, action, details) VALUES (?, ?, ?, ?)",
                event.tenant().value(), event.at(), event.action(), JsonMaps.write(event.details())));
    }

    @Override
    public List<AuditEvent> list(TenantId tenant, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        StoreArguments.requireLimit(limit);
        return database.inTransaction("listing audit events", connection -> Rows.query(connection,
                "SELECT tenant, occurred_at, action, details FROM conversa_audit WHERE tenant = ? "
                        + "ORDER BY occurred_at DESC, seq DESC LIMIT ?",
                row -> new AuditEvent(TenantId.of(row.getString("tenant")), Rows.instant(row, "occurred_at"),
                        row.getString("action"), JsonMaps.read(row.getString("details"))),
                tenant.value(), limit));
    }

    @Override
    public int purge(PurgeScope scope, Instant cutoff, int limit) {
        return ScopedPurge.purge(database, "purging audit events", "conversa_audit", "seq", "occurred_at <= ?",
                "occurred_at, seq", scope, cutoff, limit);
    }

    @Override
    public int delete(TenantId tenant, Predicate<AuditEvent> matching) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(matching, "matching");
        int removed = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Map.Entry<Long, AuditEvent>> page = database.inTransaction("reading audit events", connection ->
                    Rows.query(connection, "SELECT seq, tenant, occurred_at, action, details FROM conversa_audit "
                            + "WHERE tenant = ? AND seq > ? ORDER BY seq LIMIT ?", row -> Map.entry(row.getLong("seq"),
                            new AuditEvent(TenantId.of(row.getString("tenant")), Rows.instant(row, "occurred_at"),
                                    row.getString("action"), JsonMaps.read(row.getString("details")))),
                            tenant.value(), from, PAGE));
            List<Long> doomed = page.stream().filter(e -> matching.test(e.getValue())).map(Map.Entry::getKey).toList();
            for (Long seq : doomed) {
                removed += database.inTransaction("deleting an audit event", connection -> Rows.update(connection,
                        "DELETE FROM conversa_audit WHERE tenant = ? AND seq = ?", tenant.value(), seq));
            }
            if (page.size() < PAGE) {
                return removed;
            }
            after = page.get(page.size() - 1).getKey();
        }
    }
}
