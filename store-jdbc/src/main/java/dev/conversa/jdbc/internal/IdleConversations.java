package dev.conversa.jdbc.internal;

import dev.conversa.internal.store.StoreArguments;
import dev.conversa.store.PurgeScope;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The retention purge of conversations: one batch in one short transaction. The candidates are
 * read with the idle condition; each is then deleted by a statement that checks the condition
 * again, so a conversation that came back to life since (a new message, a claimed entry) stays,
 * and only then are the rows keyed to it removed: its lane rows first (the order claims lock
 * them in), part ids, messages no newer than the cut-off, parked inbox entries, finished outbox
 * entries, and the contact once no conversation of theirs on that channel is left. Completed
 * inbox entries stay (they hold no event) to deduplicate redeliveries until their own purge.
 */
final class IdleConversations {

    /** Same conversation as {@code c}, for a table aliased {@code t}. */
    private static final String SAME = "t.tenant = c.tenant AND t.channel = c.channel AND t.account_id = c.account_id "
            + "AND t.contact_id = c.contact_id";
    /** Idle at the cut-off, bound twice. */
    private static final String IDLE = "c.updated_at <= ?"
            + " AND NOT EXISTS (SELECT 1 FROM conversa_message t WHERE " + SAME + " AND t.sent_at > ?)"
            + " AND NOT EXISTS (SELECT 1 FROM conversa_inbox t WHERE " + SAME + " AND t.status IN ('PENDING', 'CLAIMED'))"
            + " AND NOT EXISTS (SELECT 1 FROM conversa_outbox t WHERE " + SAME
            + " AND t.state IN ('PENDING', 'SENDING'))";

    private final Database database;

    IdleConversations(Database database) {
        this.database = database;
    }

    int purge(PurgeScope scope, Instant cutoff, int limit) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(cutoff, "cutoff");
        StoreArguments.requirePurgeLimit(limit);
        return database.inTransaction("purging idle conversations", connection -> {
            List<Lane> candidates = Rows.query(connection, "SELECT c.tenant, c.channel, c.account_id, c.contact_id "
                    + "FROM conversa_conversation c WHERE " + IDLE + ScopedPurge.filter(scope, "c.tenant")
                    + " ORDER BY c.updated_at, c.tenant, c.channel, c.account_id, c.contact_id LIMIT ?", Lane::read,
                    ScopedPurge.concat(List.of(cutoff, cutoff), ScopedPurge.values(scope), List.of(limit)));
            int removed = 0;
            for (Lane lane : candidates) {
                if (remove(connection, lane, cutoff)) {
                    removed++;
                }
            }
            return removed;
        });
    }

    private static boolean remove(Connection connection, Lane lane, Instant cutoff) throws SQLException {
        String where = " WHERE" + Lane.WHERE;
        if (Rows.update(connection, "DELETE FROM conversa_conversation c WHERE c.tenant = ? AND c.channel = ? "
                + "AND c.account_id = ? AND c.contact_id = ? AND " + IDLE, lane.valuesAnd(cutoff, cutoff)) == 0) {
            return false;
        }
        Rows.update(connection, "DELETE FROM conversa_lane" + where, lane.values());
        Rows.update(connection, "DELETE FROM conversa_message_part" + where, lane.values());
        Rows.update(connection, "DELETE FROM conversa_message" + where + " AND sent_at <= ?", lane.valuesAnd(cutoff));
        Rows.update(connection, "DELETE FROM conversa_inbox" + where + " AND status = 'PARKED'", lane.values());
        Rows.update(connection, "DELETE FROM conversa_outbox" + where + " AND state IN ('SENT', 'DEAD', "
                + "'SEND_UNCERTAIN')", lane.values());
        Rows.update(connection, "DELETE FROM conversa_note" + where, lane.values());
        Rows.update(connection, "DELETE FROM conversa_handoff_event" + where, lane.values());
        Rows.update(connection, "DELETE FROM conversa_assignment" + where, lane.values());
        Rows.update(connection, "DELETE FROM conversa_contact WHERE tenant = ? AND channel = ? AND external_id = ? "
                + "AND NOT EXISTS (SELECT 1 FROM conversa_conversation WHERE tenant = ? AND channel = ? "
                + "AND contact_id = ?)", lane.tenant(), lane.channel(), lane.contactId(), lane.tenant(),
                lane.channel(), lane.contactId());
        return true;
    }
}
