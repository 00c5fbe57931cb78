package dev.conversa.jdbc.internal;

import dev.conversa.store.OutboxEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Claims outbox entries in one transaction. First, entries still {@code SENDING} after their
 * lease become {@code SEND_UNCERTAIN}: their worker stopped between the request and recording
 * its answer, so Meta may have accepted them, and they are never sent again automatically.
 * Then, like {@link InboxClaimer}, it takes the conversations whose oldest pending entry is due
 * and none is being sent, locks each lane and claims that entry with a compare-and-set that
 * raises the fence. An entry whose stored message this version cannot read is marked {@code
 * DEAD} instead, so it neither blocks its conversation nor is lost.
 */
final class OutboxClaimer {

    private static final String EXPIRE = "UPDATE conversa_outbox SET state = 'SEND_UNCERTAIN' "
            + "WHERE state = 'SENDING' AND lease_until <= ?";
    /** Conversations whose oldest pending entry is due and none is being sent. */
    private static final String CANDIDATES = "SELECT h.tenant, h.channel, h.account_id, h.contact_id, h.head "
            + "FROM (SELECT tenant, channel, account_id, contact_id, MIN(CASE WHEN state = 'PENDING' THEN id END) "
            + "AS head FROM conversa_outbox WHERE state IN ('PENDING', 'SENDING') "
            + "GROUP BY tenant, channel, account_id, contact_id "
            + "HAVING COUNT(CASE WHEN state = 'SENDING' THEN 1 END) = 0) h "
            + "JOIN conversa_outbox e ON e.id = h.head WHERE e.not_before <= ? ORDER BY h.head LIMIT ?";
    private static final String OPEN_ENTRIES = "SELECT id, state, not_before, fence FROM conversa_outbox WHERE"
            + Lane.WHERE + " AND state IN ('PENDING', 'SENDING') ORDER BY id";

    private final LaneLocks locks;

    OutboxClaimer(LaneLocks locks) {
        this.locks = locks;
    }

    List<OutboxEntry> claim(Connection connection, String worker, int max, Duration lease, Instant now)
            throws SQLException {
        Rows.update(connection, EXPIRE, now);
        List<Lane> candidates = Rows.query(connection, CANDIDATES, Lane::read, now, max * 2 + 4);
        List<OutboxEntry> claimed = new ArrayList<>();
        for (Lane lane : candidates) {
            if (claimed.size() == max) {
                break;
            }
            if (locks.tryLock(connection, lane)) {
                claimHead(connection, lane, worker, now.plus(lease), now).ifPresent(claimed::add);
            }
        }
        claimed.sort(Comparator.comparingLong(OutboxEntry::id));
        return List.copyOf(claimed);
    }

    private Optional<OutboxEntry> claimHead(Connection connection, Lane lane, String worker, Instant until,
            Instant now) throws SQLException {
        List<Open> open = Rows.query(connection, OPEN_ENTRIES, row -> new Open(row.getLong("id"),
                row.getString("state"), Rows.instant(row, "not_before"), row.getLong("fence")), lane.values());
        if (open.isEmpty() || open.stream().anyMatch(o -> o.state().equals("SENDING"))
                || open.get(0).notBefore().isAfter(now)) {
            return Optional.empty();
        }
        Open head = open.get(0);
        int taken = Rows.update(connection, "UPDATE conversa_outbox SET state = 'SENDING', fence = ?, "
                + "attempts = attempts + 1, lease_until = ?, worker = ? "
                + "WHERE id = ? AND tenant = ? AND state = 'PENDING' AND fence = ?", head.fence() + 1, until,
                Rows.clip(worker, 200), head.id(), lane.tenant(), head.fence());
        if (taken == 0) {
            return Optional.empty();
        }
        try {
            return Rows.first(connection, "SELECT " + OutboxRows.COLUMNS + " FROM conversa_outbox WHERE id = ? "
                    + "AND tenant = ?", OutboxRows::entry, head.id(), lane.tenant());
        } catch (OutboxRows.UnreadableMessageException e) {
            Rows.update(connection, "UPDATE conversa_outbox SET state = 'DEAD', last_error = ?, lease_until = NULL "
                    + "WHERE id = ? AND tenant = ?", e.getMessage(), head.id(), lane.tenant());
            return Optional.empty();
        }
    }

    private record Open(long id, String state, Instant notBefore, long fence) {}
}
