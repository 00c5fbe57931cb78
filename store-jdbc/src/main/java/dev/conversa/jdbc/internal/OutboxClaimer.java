package dev.conversa.jdbc.internal;

import dev.conversa.jdbc.internal.DueCandidates.Candidate;
import dev.conversa.store.OutboxEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Claims outbox entries in one transaction. First, entries still {@code SENDING} after their
 * lease become {@code SEND_UNCERTAIN}: their worker stopped between the request and recording
 * its answer, so Meta may have accepted them, and they are never sent again automatically (few
 * rows are {@code SENDING}, found on the state index). Then it takes due candidates from {@link
 * DueCandidates}, locks each one's lane and reads the lane's first open entry: the lane is held
 * while an entry is {@code SENDING} or claimed under a live lease, and its first entry, once
 * due, is claimed with a compare-and-set that raises the fence and leaves it {@code PENDING} (on
 * PostgreSQL the read and the claim are one statement, after the lock). A
 * claimed entry whose lease expired before {@code markSending} is simply claimed again. An entry
 * whose stored message this version cannot read is marked {@code DEAD} instead, so it neither
 * blocks its conversation nor is lost.
 */
final class OutboxClaimer {

    private static final String EXPIRE = "UPDATE conversa_outbox SET state = 'SEND_UNCERTAIN', last_error = ?, "
            + "lease_until = NULL WHERE state = 'SENDING' AND lease_until <= ?";
    static final String STOPPED_WHILE_SENDING = "the worker stopped while sending; the channel may have received it";
    private static final String LANE_ORDER = " ORDER BY tenant, channel, account_id, contact_id, state, id";
    /** A lane's entries being sent (live: expired ones were just released) and its first pending entry. */
    private static final String LANE_HEAD = "SELECT id, state, not_before, lease_until, fence FROM conversa_outbox "
            + "WHERE" + Lane.WHERE + " AND state = 'SENDING' UNION ALL (SELECT id, state, not_before, lease_until, "
            + "fence FROM conversa_outbox WHERE" + Lane.WHERE + " AND state = 'PENDING'" + LANE_ORDER + " LIMIT 1)";
    /**
     * On PostgreSQL, the lane's first pending entry claimed in the statement that finds it, on the
     * conditions {@link Open#isClaimableAt} checks: due, not under a live lease, and no entry of
     * the lane being sent. It runs after the lane's lock, so its snapshot sees what the lane's
     * last holder committed, as the separate read does.
     */
    private static final String CLAIM_HEAD = "UPDATE conversa_outbox SET fence = fence + 1, attempts = attempts + 1, "
            + "lease_until = ?, worker = ? WHERE id = (SELECT id FROM conversa_outbox WHERE" + Lane.WHERE
            + " AND state = 'PENDING'" + LANE_ORDER + " LIMIT 1) AND tenant = ? AND state = 'PENDING' "
            + "AND not_before <= ? AND (lease_until IS NULL OR lease_until <= ?) AND NOT EXISTS (SELECT 1 FROM "
            + "conversa_outbox WHERE" + Lane.WHERE + " AND state = 'SENDING') RETURNING " + OutboxRows.COLUMNS;

    private final LaneLocks locks;
    private final Dialect dialect;
    private final DueCandidates due = new DueCandidates("conversa_outbox", "state");

    OutboxClaimer(LaneLocks locks, Dialect dialect) {
        this.locks = locks;
        this.dialect = dialect;
    }

    List<OutboxEntry> claim(Connection connection, String worker, int max, Duration lease, Instant now)
            throws SQLException {
        Instant until = now.plus(lease);
        DueCandidates.LaneWork<OutboxEntry> work = (c, candidate) -> claimLane(c, candidate, Rows.clip(worker, 200),
                until, now);
        List<OutboxEntry> claimed = new ArrayList<>();
        if (dialect == Dialect.POSTGRESQL) {
            // the release and the first page in one round trip: the page reads pending rows only, which
            // the release does not touch, and the lanes' claims come after it in later statements
            claimed.addAll(due.claim(connection, now, max, new HashSet<>(), work,
                    "WITH released AS (" + EXPIRE + " RETURNING id) ", STOPPED_WHILE_SENDING, now));
        } else {
            Rows.update(connection, EXPIRE, STOPPED_WHILE_SENDING, now);
            claimed.addAll(due.claim(connection, now, max, new HashSet<>(), work));
        }
        claimed.sort(Comparator.comparingLong(OutboxEntry::id));
        return List.copyOf(claimed);
    }

    /** Claims the head of one lane, as {@link #claim} would (for {@code Outbox.claimNext}). */
    Optional<OutboxEntry> claimNext(Connection connection, String worker, Lane lane, Duration lease, Instant now)
            throws SQLException {
        return claimHead(connection, lane, Rows.clip(worker, 200), now.plus(lease), now);
    }

    private Optional<OutboxEntry> claimLane(Connection connection, Candidate candidate, String worker, Instant until,
            Instant now) throws SQLException {
        boolean leased = candidate.leaseUntil().filter(lease -> lease.isAfter(now)).isPresent();
        return leased ? Optional.empty() : claimHead(connection, candidate.lane(), worker, until, now);
    }

    private Optional<OutboxEntry> claimHead(Connection connection, Lane lane, String worker, Instant until,
            Instant now) throws SQLException {
        if (!locks.tryLock(connection, lane)) {
            return Optional.empty();
        }
        if (dialect == Dialect.POSTGRESQL) {
            return claimHeadInOne(connection, lane, worker, until, now);
        }
        List<Open> open = Rows.query(connection, LANE_HEAD, row -> new Open(row.getLong("id"), row.getString("state"),
                Rows.instant(row, "not_before"), Rows.optionalInstant(row, "lease_until"), row.getLong("fence")),
                lane.valuesAnd(lane.values()));
        if (open.size() != 1 || !open.get(0).isClaimableAt(now)) {
            return Optional.empty();
        }
        Open head = open.get(0);
        try {
            return Rows.first(connection, dialect.updateReturning("UPDATE conversa_outbox SET fence = ?, "
                    + "attempts = attempts + 1, lease_until = ?, worker = ? WHERE id = ? AND tenant = ? "
                    + "AND state = 'PENDING' AND fence = ?", OutboxRows.COLUMNS), OutboxRows::entry,
                    head.fence() + 1, until, worker, head.id(), lane.tenant(), head.fence());
        } catch (OutboxRows.UnreadableMessageException e) {
            markUnreadable(connection, lane, e);
            return Optional.empty();
        }
    }

    /** {@link #claimHead} on PostgreSQL: one statement instead of a read and an update. */
    private Optional<OutboxEntry> claimHeadInOne(Connection connection, Lane lane, String worker, Instant until,
            Instant now) throws SQLException {
        Object[] values = Rows.join(new Object[] {until, worker}, lane.valuesAnd(lane.tenant(), now, now,
                lane.tenant(), lane.channel(), lane.accountId(), lane.contactId()));
        try {
            return Rows.first(connection, CLAIM_HEAD, OutboxRows::entry, values);
        } catch (OutboxRows.UnreadableMessageException e) {
            markUnreadable(connection, lane, e);
            return Optional.empty();
        }
    }

    private static void markUnreadable(Connection connection, Lane lane, OutboxRows.UnreadableMessageException e)
            throws SQLException {
        Rows.update(connection, "UPDATE conversa_outbox SET state = 'DEAD', last_error = ?, lease_until = NULL "
                + "WHERE id = ? AND tenant = ?", e.getMessage(), e.id(), lane.tenant());
    }

    /** A lane's entry as the claim sees it. */
    private record Open(long id, String state, Instant notBefore, Optional<Instant> leaseUntil, long fence) {

        /** Pending, due, and not claimed under a live lease. */
        boolean isClaimableAt(Instant now) {
            return state.equals("PENDING") && !notBefore.isAfter(now)
                    && leaseUntil.filter(lease -> lease.isAfter(now)).isEmpty();
        }
    }
}
