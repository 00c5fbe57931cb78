package dev.conversa.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Locks conversations for a claim through their row in {@code conversa_lane}, held until the
 * claim's transaction ends. While a claimer holds a lane it reads the lane's entries afresh and
 * claims at most one, so one conversation is never claimed twice, on any instance. Lanes another
 * claimer holds are skipped ({@code FOR UPDATE SKIP LOCKED}), never waited for.
 *
 * <p>On PostgreSQL one statement creates a missing row or locks the existing one: its insert and
 * its {@code SELECT} read the same snapshot, so one of them yields the row unless another claimer
 * holds it. A row another claimer is creating in the same instant makes the insert wait for that
 * claimer's transaction, and then counts as held (it was not in the snapshot), as it does when
 * that claimer still holds it. On H2 a lock takes up to three statements: the {@code SELECT}, the
 * insert if there was no row, the {@code SELECT} again if the insert found one.
 */
final class LaneLocks {

    private static final String INSERT = "INSERT INTO conversa_lane (tenant, channel, account_id, contact_id, queue) "
            + "VALUES (?, ?, ?, ?, ?)";
    private static final String SELECT_FOR_UPDATE = "SELECT queue FROM conversa_lane WHERE" + Lane.WHERE
            + " AND queue = ? FOR UPDATE SKIP LOCKED";
    private static final String CREATE_OR_LOCK = "WITH created AS (" + INSERT + " ON CONFLICT DO NOTHING RETURNING "
            + "queue), locked AS (" + SELECT_FOR_UPDATE + ") "
            + "SELECT queue FROM created UNION ALL SELECT queue FROM locked";

    private final Dialect dialect;
    private final Inserts inserts;
    private final String queue;

    LaneLocks(Dialect dialect, String queue) {
        this.dialect = dialect;
        this.inserts = new Inserts(dialect);
        this.queue = queue;
    }

    /**
     * Locks a lane unless another claimer holds it, creating its row if missing.
     *
     * @return true if this transaction now holds the lane
     */
    boolean tryLock(Connection connection, Lane lane) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            return !Rows.query(connection, CREATE_OR_LOCK, row -> row.getString(1),
                    lane.valuesAnd(queue, lane.tenant(), lane.channel(), lane.accountId(), lane.contactId(), queue))
                    .isEmpty();
        }
        if (selectForUpdate(connection, lane)) {
            return true;
        }
        // a row this transaction inserted is its own until it ends: others cannot lock it meanwhile
        return inserts.insertIfAbsent(connection, INSERT, lane.valuesAnd(queue)) || selectForUpdate(connection, lane);
    }

    private boolean selectForUpdate(Connection connection, Lane lane) throws SQLException {
        return !Rows.query(connection, SELECT_FOR_UPDATE, row -> row.getString(1), lane.valuesAnd(queue)).isEmpty();
    }

    /** Removes a lane's row (erasure); call before deleting its entries, in the same order as claims. */
    int delete(Connection connection, Lane lane) throws SQLException {
        return Rows.update(connection, "DELETE FROM conversa_lane WHERE" + Lane.WHERE + " AND queue = ?",
                lane.valuesAnd(queue));
    }
}
