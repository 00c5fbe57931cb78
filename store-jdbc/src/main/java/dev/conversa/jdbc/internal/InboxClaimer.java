package dev.conversa.jdbc.internal;

import dev.conversa.store.InboxEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Claims inbox work in one transaction: finds conversations with due work and no live lease,
 * locks their lanes, then, per locked lane, reads its open entries afresh and claims the first
 * due one unless an earlier event holds it back. The claim is a compare-and-set on status and
 * fence, and raises the entry's fence, so a worker whose lease expired cannot complete it.
 */
final class InboxClaimer {

    private static final String CANDIDATES = "SELECT e.tenant, e.channel, e.account_id, e.contact_id, MIN(e.id) "
            + "AS first_id FROM conversa_inbox e WHERE e.status IN ('PENDING', 'CLAIMED') AND e.not_before <= ? "
            + "AND (e.status = 'PENDING' OR e.lease_until <= ?) AND NOT EXISTS (SELECT 1 FROM conversa_inbox b "
            + "WHERE b.tenant = e.tenant AND b.channel = e.channel AND b.account_id = e.account_id "
            + "AND b.contact_id = e.contact_id AND b.status = 'CLAIMED' AND b.lease_until > ?) "
            + "GROUP BY e.tenant, e.channel, e.account_id, e.contact_id ORDER BY first_id LIMIT ?";
    private static final String OPEN_ENTRIES = "SELECT " + InboxRows.COLUMNS + " FROM conversa_inbox WHERE"
            + Lane.WHERE + " AND status IN ('PENDING', 'CLAIMED') ORDER BY id";

    private final LaneLocks locks;

    InboxClaimer(Dialect dialect) {
        this.locks = new LaneLocks(dialect, "inbox");
    }

    List<InboxEntry> claim(Connection connection, String worker, int max, Duration lease, Instant now)
            throws SQLException {
        List<Lane> candidates = Rows.query(connection, CANDIDATES, Lane::read, now, now, now, max * 2 + 4);
        List<Lane> locked = locks.lock(connection, candidates);
        List<InboxEntry> claimed = new ArrayList<>();
        for (Lane lane : candidates) {
            if (claimed.size() == max) {
                break;
            }
            if (locked.contains(lane)) {
                claimHead(connection, lane, worker, now.plus(lease), now).ifPresent(claimed::add);
            }
        }
        claimed.sort(Comparator.comparingLong(InboxEntry::id));
        return List.copyOf(claimed);
    }

    private Optional<InboxEntry> claimHead(Connection connection, Lane lane, String worker, Instant until,
            Instant now) throws SQLException {
        List<OpenEntry> open = Rows.query(connection, OPEN_ENTRIES,
                row -> new OpenEntry(InboxRows.entry(row), row.getString("status"), row.getLong("fence"),
                        Rows.optionalInstant(row, "lease_until")), lane.values());
        if (open.stream().anyMatch(e -> e.isLeasedAt(now))) {
            return Optional.empty();
        }
        for (OpenEntry candidate : open) {
            if (!candidate.entry().notBefore().isAfter(now)) {
                return take(connection, candidate, worker, until);
            }
            if (!candidate.entry().isReplyTask()) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Optional<InboxEntry> take(Connection connection, OpenEntry candidate, String worker, Instant until)
            throws SQLException {
        long fence = candidate.fence() + 1;
        InboxEntry entry = candidate.entry();
        int taken = Rows.update(connection, "UPDATE conversa_inbox SET status = 'CLAIMED', fence = ?, "
                + "attempts = attempts + 1, lease_until = ?, worker = ?, reply_slot = NULL "
                + "WHERE id = ? AND tenant = ? AND status = ? AND fence = ?", fence, until,
                InboxRows.clip(worker, 200), entry.id(), entry.tenant().value(), candidate.status(), candidate.fence());
        return taken == 1
                ? Optional.of(new InboxEntry(entry.id(), entry.tenant(), entry.conversation(), entry.event(),
                        entry.notBefore(), entry.attempts(), fence))
                : Optional.empty();
    }

    private record OpenEntry(InboxEntry entry, String status, long fence, Optional<Instant> leaseUntil) {

        boolean isLeasedAt(Instant now) {
            return InboxRows.CLAIMED.equals(status) && leaseUntil.filter(until -> until.isAfter(now)).isPresent();
        }
    }
}
