package dev.conversa.jdbc.internal;

import dev.conversa.internal.store.StoreArguments;
import dev.conversa.model.TenantId;
import dev.conversa.store.DeletionRequest;
import dev.conversa.store.DeletionRequestStore;
import dev.conversa.store.DeletionStatus;
import dev.conversa.store.PurgeScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Deletion requests in {@code conversa_deletion_request}, keyed by their confirmation code. */
public final class JdbcDeletionRequestStore implements DeletionRequestStore {

    private static final String COLUMNS = "tenant, subject, confirmation_code, status, requested_at, updated_at, "
            + "counts";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM conversa_deletion_request ";

    private final Database database;
    private final Inserts inserts;

    /**
     * Creates the store.
     *
     * @param database the database
     */
    public JdbcDeletionRequestStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.inserts = new Inserts(database.dialect());
    }

    @Override
    public boolean record(DeletionRequest request) {
        Objects.requireNonNull(request, "request");
        return database.inTransaction("recording a deletion request", connection -> inserts.insertIfAbsent(
                connection, "INSERT INTO conversa_deletion_request (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                request.tenant().value(), request.subject(), request.confirmationCode(), request.status().name(),
                request.requestedAt(), request.updatedAt(), JsonMaps.writeCounts(request.counts())));
    }

    @Override
    public Optional<DeletionRequest> find(TenantId tenant, String confirmationCode) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(confirmationCode, "confirmationCode");
        return database.inTransaction("finding a deletion request", connection -> Rows.first(connection,
                SELECT + "WHERE tenant = ? AND confirmation_code = ?", JdbcDeletionRequestStore::request,
                tenant.value(), confirmationCode));
    }

    @Override
    public Optional<DeletionRequest> updateStatus(TenantId tenant, String confirmationCode, DeletionStatus status,
            Instant now) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(confirmationCode, "confirmationCode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(now, "now");
        return database.inTransaction("updating a deletion request", connection -> {
            Rows.update(connection, "UPDATE conversa_deletion_request SET status = ?, updated_at = ? "
                    + "WHERE tenant = ? AND confirmation_code = ?", status.name(), now, tenant.value(),
                    confirmationCode);
            return Rows.first(connection, SELECT + "WHERE tenant = ? AND confirmation_code = ?",
                    JdbcDeletionRequestStore::request, tenant.value(), confirmationCode);
        });
    }

    @Override
    public Optional<DeletionRequest> complete(TenantId tenant, String confirmationCode, Map<String, Integer> counts,
            Instant now) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(confirmationCode, "confirmationCode");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(now, "now");
        return database.inTransaction("completing a deletion request", connection -> {
            Rows.update(connection, "UPDATE conversa_deletion_request SET status = ?, counts = ?, updated_at = ? "
                    + "WHERE tenant = ? AND confirmation_code = ?", DeletionStatus.DONE.name(),
                    JsonMaps.writeCounts(counts), now, tenant.value(), confirmationCode);
            return Rows.first(connection, SELECT + "WHERE tenant = ? AND confirmation_code = ?",
                    JdbcDeletionRequestStore::request, tenant.value(), confirmationCode);
        });
    }

    @Override
    public List<TenantId> pendingTenants() {
        return database.inTransaction("listing tenants with pending deletion requests", connection -> Rows.query(
                connection, "SELECT DISTINCT tenant FROM conversa_deletion_request WHERE status IN (?, ?) "
                + "ORDER BY tenant", row -> TenantId.of(row.getString("tenant")), DeletionStatus.RECEIVED.name(),
                DeletionStatus.IN_PROGRESS.name()));
    }

    @Override
    public List<DeletionRequest> listPending(TenantId tenant, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        StoreArguments.requireLimit(limit);
        return database.inTransaction("listing pending deletion requests", connection -> Rows.query(connection,
                SELECT + "WHERE tenant = ? AND status IN (?, ?) ORDER BY requested_at, confirmation_code LIMIT ?",
                JdbcDeletionRequestStore::request, tenant.value(), DeletionStatus.RECEIVED.name(),
                DeletionStatus.IN_PROGRESS.name(), limit));
    }

    @Override
    public List<DeletionRequest> listBySubject(TenantId tenant, String subject) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(subject, "subject");
        return database.inTransaction("listing a subject's deletion requests", connection -> Rows.query(connection,
                SELECT + "WHERE tenant = ? AND subject = ? ORDER BY requested_at, confirmation_code",
                JdbcDeletionRequestStore::request, tenant.value(), subject));
    }

    @Override
    public int replaceSubject(TenantId tenant, String subject, String replacement) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(replacement, "replacement");
        return database.inTransaction("replacing a deletion request's subject", connection -> Rows.update(connection,
                "UPDATE conversa_deletion_request SET subject = ? WHERE tenant = ? AND subject = ?", replacement,
                tenant.value(), subject));
    }

    private static DeletionRequest request(ResultSet row) throws SQLException {
        return new DeletionRequest(TenantId.of(row.getString("tenant")), row.getString("subject"),
                row.getString("confirmation_code"), DeletionStatus.valueOf(row.getString("status")),
                Rows.instant(row, "requested_at"), Rows.instant(row, "updated_at"),
                JsonMaps.readCounts(row.getString("counts")));
    }

    @Override
    public int purgeDone(PurgeScope scope, Instant cutoff, int limit) {
        return ScopedPurge.purge(database, "purging done deletion requests", "conversa_deletion_request",
                "confirmation_code", "status = 'DONE' AND updated_at <= ?", "updated_at, confirmation_code", scope,
                cutoff, limit);
    }
}
