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
 * and for each, oldest first, locks its lane, reads its open entries afresh and claims the
 * first due one unless an earlier event holds it back. The claim is a compare-and-set on status
 * and fence, and raises the entry's fence, so a worker whose lease expired cannot complete it.
 */
final class InboxClaimer {

    private static final String CLAIMABLE = "MIN(CASE WHEN not_before <= ? AND (status = 'PENDING' "
            + "OR lease_until <= ?) THEN id END)";
    private static final String WAITING_EVENT = "MIN(CASE WHEN external_id IS NOT NULL AND not_before > ? "
            + "THEN id END)";
    /**
     * Conversations whose first claimable entry comes before any event waiting for a retry, with
     * no live lease, in one pass over the open entries.
     */
    private static final String CANDIDATES = "SELECT tenant, channel, account_id, contact_id, " + CLAIMABLE
            + " AS first_id FROM conversa_inbox WHERE status IN ('PENDING', 'CLAIMED') "
            + "GROUP BY tenant, channel, account_id, contact_id HAVING " + CLAIMABLE + " IS NOT NULL "
            + "AND COUNT(CASE WHEN status = 'CLAIMED' AND lease_until > ? THEN 1 END) = 0 "
            + "AND (" + WAITING_EVENT + " IS NULL OR " + CLAIMABLE + " < " + WAITING_EVENT + ") "
            + "ORDER BY first_id LIMIT ?";
    private static final String OPEN_ENTRIES = "SELECT id, status, not_before, lease_until, fence, external_id "
            + "FROM conversa_inbox WHERE" + Lane.WHERE + " AND status IN ('PENDING', 'CLAIMED') ORDER BY id";

    private final LaneLocks locks;

    InboxClaimer(LaneLocks locks) {
        this.locks = locks;
    }

    List<InboxEntry> claim(Connection connection, String worker, int max, Duration lease, Instant now)
            throws SQLException {
        List<Lane> candidates = Rows.query(connection, CANDIDATES, Lane::read, now, now, now, now, now, now,
                now, now, now, max * 2 + 4);
        List<InboxEntry> claimed = new ArrayList<>();
        for (Lane lane : candidates) {
            if (claimed.size() == max) {
                break;
            }
            if (locks.tryLock(connection, lane)) {
                claimHead(connection, lane, worker, now.plus(lease), now).ifPresent(claimed::add);
            }
        }
        claimed.sort(Comparator.comparingLong(InboxEntry::id));
        return List.copyOf(claimed);
    }

    private Optional<InboxEntry> claimHead(Connection connection, Lane lane, String worker, Instant until,
            Instant now) throws SQLException {
        List<Open> open = Rows.query(connection, OPEN_ENTRIES, row -> new Open(row.getLong("id"),
                row.getString("status"), Rows.instant(row, "not_before"), Rows.optionalInstant(row, "lease_until"),
                row.getLong("fence"), row.getString("external_id") == null), lane.values());
        if (open.stream().anyMatch(e -> e.isLeasedAt(now))) {
            return Optional.empty();
        }
        for (Open candidate : open) {
            if (!candidate.notBefore().isAfter(now)) {
                return take(connection, lane, candidate, worker, until);
            }
            if (!candidate.replyTask()) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Optional<InboxEntry> take(Connection connection, Lane lane, Open candidate, String worker, Instant until)
            throws SQLException {
        int taken = Rows.update(connection, "UPDATE conversa_inbox SET status = 'CLAIMED', fence = ?, "
                + "attempts = attempts + 1, lease_until = ?, worker = ?, reply_slot = NULL "
                + "WHERE id = ? AND tenant = ? AND status = ? AND fence = ?", candidate.fence() + 1, until,
                Rows.clip(worker, 200), candidate.id(), lane.tenant(), candidate.status(), candidate.fence());
        if (taken == 0) {
            return Optional.empty();
        }
        InboxEntry row = Rows.first(connection, "SELECT " + InboxRows.COLUMNS + " FROM conversa_inbox WHERE id = ? "
                + "AND tenant = ?", InboxRows::entry, candidate.id(), lane.tenant()).orElseThrow();
        return Optional.of(new InboxEntry(row.id(), row.tenant(), row.conversation(), row.event(), row.notBefore(),
                row.attempts() - 1, row.fence()));
    }

    private record Open(long id, String status, Instant notBefore, Optional<Instant> leaseUntil, long fence,
            boolean replyTask) {

        boolean isLeasedAt(Instant now) {
            return InboxRows.CLAIMED.equals(status) && leaseUntil.filter(until -> until.isAfter(now)).isPresent();
        }
    }
}
