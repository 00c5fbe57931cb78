package dev.conversa.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Locks conversations for a claim through their row in {@code conversa_lane}, held until the
 * claim's transaction ends. While a claimer holds a lane it reads the lane's entries afresh and
 * claims at most one, so one conversation is never claimed twice, on any instance. Lanes another
 * claimer holds are skipped ({@code FOR UPDATE SKIP LOCKED}), never waited for.
 */
final class LaneLocks {

    private final Inserts inserts;
    private final String queue;

    LaneLocks(Dialect dialect, String queue) {
        this.inserts = new Inserts(dialect);
        this.queue = queue;
    }

    /**
     * Locks a lane unless another claimer holds it, creating its row if missing.
     *
     * @return true if this transaction now holds the lane
     */
    boolean tryLock(Connection connection, Lane lane) throws SQLException {
        if (selectForUpdate(connection, lane)) {
            return true;
        }
        // a row this transaction inserted is its own until it ends: others cannot lock it meanwhile
        return inserts.insertIfAbsent(connection, "INSERT INTO conversa_lane (tenant, channel, account_id, "
                + "contact_id, queue) VALUES (?, ?, ?, ?, ?)", lane.valuesAnd(queue)) || selectForUpdate(connection, lane);
    }

    private boolean selectForUpdate(Connection connection, Lane lane) throws SQLException {
        return !Rows.query(connection, "SELECT queue FROM conversa_lane WHERE" + Lane.WHERE + " AND queue = ? "
                + "FOR UPDATE SKIP LOCKED", row -> row.getString(1), lane.valuesAnd(queue)).isEmpty();
    }

    /** Removes a lane's row (erasure); call before deleting its entries, in the same order as claims. */
    int delete(Connection connection, Lane lane) throws SQLException {
        return Rows.update(connection, "DELETE FROM conversa_lane WHERE" + Lane.WHERE + " AND queue = ?",
                lane.valuesAnd(queue));
    }
}
