package dev.conversa.jdbc.internal;

import dev.conversa.internal.store.StoreArguments;
import dev.conversa.model.TenantId;
import dev.conversa.store.PurgeScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The retention purges of single tables: one bounded batch of rows, chosen by a condition on a
 * time and the tenants of a {@link PurgeScope}, deleted in one statement of one short transaction.
 */
final class ScopedPurge {

    private ScopedPurge() {}

    /**
     * Deletes up to {@code limit} rows of a table that match a condition with one time parameter.
     *
     * @param database the database
     * @param operation what it does, for error messages
     * @param table the table
     * @param key the table's key column, which chooses the batch
     * @param condition the rows to remove, with one {@code ?} bound to the cut-off
     * @param order the order the batch is taken in
     */
    static int purge(Database database, String operation, String table, String key, String condition, String order,
            PurgeScope scope, Instant cutoff, int limit) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(cutoff, "cutoff");
        StoreArguments.requirePurgeLimit(limit);
        List<Object> values = new ArrayList<>();
        values.add(cutoff);
        values.addAll(values(scope));
        values.add(limit);
        String sql = "DELETE FROM " + table + " WHERE " + key + " IN (SELECT " + key + " FROM " + table + " WHERE "
                + condition + filter(scope, "tenant") + " ORDER BY " + order + " LIMIT ?)";
        return database.inTransaction(operation, connection -> Rows.update(connection, sql, values.toArray()));
    }

    /** The condition that keeps a query to the scope's tenants, starting with {@code AND}, or nothing. */
    static String filter(PurgeScope scope, String column) {
        if (scope instanceof PurgeScope.Tenant) {
            return " AND " + column + " = ?";
        }
        int except = ((PurgeScope.AllTenantsExcept) scope).except().size();
        return except == 0 ? "" : " AND " + column + " NOT IN (" + String.join(", ", Collections.nCopies(except, "?"))
                + ")";
    }

    /** The values to bind to {@link #filter}. */
    static List<Object> values(PurgeScope scope) {
        if (scope instanceof PurgeScope.Tenant tenant) {
            return List.of(tenant.tenant().value());
        }
        return ((PurgeScope.AllTenantsExcept) scope).except().stream().map(TenantId::value)
                .sorted().map(Object.class::cast).toList();
    }

    /** Used by callers that bind more values around the filter's. */
    static Object[] concat(List<Object> first, List<Object> filter, List<Object> last) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(filter);
        all.addAll(last);
        return all.toArray();
    }
}
