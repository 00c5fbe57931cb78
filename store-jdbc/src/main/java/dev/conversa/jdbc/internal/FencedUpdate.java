package dev.conversa.jdbc.internal;

import dev.conversa.model.TenantId;
import dev.conversa.store.LeaseLostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Changes a claimed inbox or outbox row: one UPDATE that applies only while the row is still
 * claimed under the caller's fencing token, so a worker whose lease expired cannot overwrite the
 * work of the one that claimed the row after it.
 *
 * @param database the database
 * @param table the table
 * @param claimedCondition the condition, after {@code WHERE id = ? AND tenant = ? AND}, that a
 *     row still claimed meets, ending with {@code fence = ?}
 * @param what how errors name a row, such as {@code "inbox entry"}
 */
record FencedUpdate(Database database, String table, String claimedCondition, String what) {

    /**
     * Applies {@code assignments} (a {@code SET ...} clause with {@code values} as parameters) on
     * its own, or in the current unit of work's transaction: one statement, so outside a unit it
     * needs no transaction ({@link Database#inStatement}).
     *
     * @throws LeaseLostException if the row is no longer claimed under that fence
     */
    void apply(String operation, long id, TenantId tenant, long fence, String assignments, Object... values) {
        database.inStatement(operation, connection -> {
            apply(connection, id, tenant, fence, assignments, values);
            return null;
        });
    }

    /**
     * Applies {@code assignments} in the caller's transaction.
     *
     * @throws LeaseLostException if the row is no longer claimed under that fence
     */
    void apply(Connection connection, long id, TenantId tenant, long fence, String assignments, Object... values)
            throws SQLException {
        if (Rows.update(connection, sql(assignments), all(id, tenant, fence, values)) == 0) {
            throw lost(id, fence);
        }
    }

    /**
     * Applies {@code assignments} in the caller's transaction and returns what {@code returning}
     * (a PostgreSQL {@code RETURNING} list, whose parameters come after {@code values}) gives.
     *
     * @throws LeaseLostException if the row is no longer claimed under that fence
     */
    <T> T applyReturning(Connection connection, long id, TenantId tenant, long fence, String assignments,
            String returning, Rows.Mapper<T> mapper, Object[] values, Object... returningValues) throws SQLException {
        return Rows.first(connection, sql(assignments) + " RETURNING " + returning, mapper,
                Rows.join(all(id, tenant, fence, values), returningValues)).orElseThrow(() -> lost(id, fence));
    }

    private String sql(String assignments) {
        return "UPDATE " + table + " " + assignments + " WHERE id = ? AND tenant = ? AND " + claimedCondition;
    }

    private static Object[] all(long id, TenantId tenant, long fence, Object... values) {
        Objects.requireNonNull(tenant, "tenant");
        return Rows.join(values, id, tenant.value(), fence);
    }

    private LeaseLostException lost(long id, long fence) {
        return new LeaseLostException(what + " " + id + " is no longer claimed under fence " + fence);
    }
}
