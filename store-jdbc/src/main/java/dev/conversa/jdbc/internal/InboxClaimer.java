package dev.conversa.jdbc.internal;

import dev.conversa.jdbc.internal.DueCandidates.Candidate;
import dev.conversa.store.InboxEntry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Claims inbox work in one transaction, at a cost that follows the rows it looks at, not the
 * size of the inbox. Candidates are claims whose lease expired (few rows are {@code CLAIMED},
 * found on the status index), then due pending entries from {@link DueCandidates}. For each
 * candidate's lane, once, it locks the lane and reads the lane's claimed entries and its first
 * pending ones from the lane index: a live lease holds the lane; otherwise, in id order, the
 * first due entry is claimed, an event not yet due holds back the rest, and a reply task not
 * yet due is stepped over (the lane is read a page at a time, so a long backlog costs a page).
 * The claim is a compare-and-set on status and fence, and raises the entry's fence, so a worker
 * whose lease expired cannot complete it.
 */
final class InboxClaimer {

    /** Pending entries of a lane read at a time: a page is only passed by reply tasks not yet due. */
    static final int LANE_PAGE = 8;
    private static final String COLUMNS = "id, status, not_before, lease_until, fence, external_id";
    private static final String LANE_ORDER = " ORDER BY tenant, channel, account_id, contact_id, status, id";
    private static final String EXPIRED = "SELECT id, not_before, lease_until, tenant, channel, account_id, "
            + "contact_id FROM conversa_inbox WHERE status = 'CLAIMED' AND lease_until <= ? "
            + "ORDER BY status, not_before, id LIMIT ?";
    /** A lane's claimed entries (one at most while its lease lives) and its first pending ones. */
    private static final String LANE = "SELECT " + COLUMNS + " FROM conversa_inbox WHERE" + Lane.WHERE
            + " AND status = 'CLAIMED' UNION ALL (SELECT " + COLUMNS + " FROM conversa_inbox WHERE" + Lane.WHERE
            + " AND status = 'PENDING'" + LANE_ORDER + " LIMIT ?)";
    private static final String MORE_PENDING = "SELECT " + COLUMNS + " FROM conversa_inbox WHERE" + Lane.WHERE
            + " AND status = 'PENDING' AND id > ?" + LANE_ORDER + " LIMIT ?";

    /**
     * On PostgreSQL, {@link #claimLane}'s rules in the statement that claims: the lane's first
     * entry in id order among its claimed ones and its pending ones that are due or are events
     * (a reply task or timer not yet due is stepped over) is taken when it is claimed (its lease
     * expired, checked again on the row it updates) or due, and only when no claim of the lane
     * lives. It runs after the lane's lock, so it sees what the lane's last holder committed, as
     * the separate read does.
     */
    private static final String CLAIM_FIRST = "UPDATE conversa_inbox SET status = 'CLAIMED', fence = fence + 1, "
            + "attempts = attempts + 1, lease_until = ?, worker = ?, reply_slot = NULL WHERE id = (SELECT min(id) FROM "
            + "((SELECT id FROM conversa_inbox WHERE" + Lane.WHERE + " AND status = 'CLAIMED'" + LANE_ORDER
            + " LIMIT 1) UNION ALL (SELECT id FROM conversa_inbox WHERE" + Lane.WHERE + " AND status = 'PENDING' "
            + "AND (external_id IS NOT NULL OR not_before <= ?)" + LANE_ORDER + " LIMIT 1)) first_open) "
            + "AND tenant = ? AND (status = 'CLAIMED' AND lease_until <= ? OR status = 'PENDING' AND not_before <= ?) "
            + "AND NOT EXISTS "
            + "(SELECT 1 FROM conversa_inbox WHERE" + Lane.WHERE + " AND status = 'CLAIMED' AND lease_until > ?) "
            + "RETURNING " + InboxRows.COLUMNS;

    /** The held entry, still claimed under its fence and lease. */
    private static final String HOLDING = "SELECT id FROM conversa_inbox WHERE id = ? AND tenant = ? "
            + "AND status = 'CLAIMED' AND fence = ? AND lease_until > ?";
    /** The entries after the held one in a lane: the claimed ones (each ends a run) and the first pending. */
    private static final String AFTER = "SELECT " + InboxRows.COLUMNS + " FROM conversa_inbox WHERE" + Lane.WHERE
            + " AND status = 'CLAIMED' AND id > ? UNION ALL (SELECT " + InboxRows.COLUMNS + " FROM conversa_inbox "
            + "WHERE" + Lane.WHERE + " AND status = 'PENDING' AND id > ?" + LANE_ORDER + " LIMIT ?)";

    private final LaneLocks locks;
    private final Dialect dialect;
    private final DueCandidates due = new DueCandidates("conversa_inbox", "status");

    InboxClaimer(LaneLocks locks, Dialect dialect) {
        this.locks = locks;
        this.dialect = dialect;
    }

    List<InboxEntry> claim(Connection connection, String worker, int max, Duration lease, Instant now)
            throws SQLException {
        String name = Rows.clip(worker, 200);
        Instant until = now.plus(lease);
        Set<Lane> decided = new HashSet<>();
        List<InboxEntry> claimed = new ArrayList<>();
        DueCandidates.LaneWork<InboxEntry> work = (c, candidate) -> claimLane(c, candidate.lane(), name, until, now);
        List<Candidate> expiredClaims;
        List<Candidate> firstDue = null;
        int firstSize = DueCandidates.firstPageSize(max);
        if (dialect == Dialect.POSTGRESQL) {
            // the expired claims and the first page of due entries in one round trip
            List<Map.Entry<Boolean, Candidate>> rows = Rows.query(connection, "SELECT TRUE AS expired, e.* FROM ("
                    + EXPIRED + ") e UNION ALL SELECT FALSE, d.* FROM (" + due.firstPageQuery() + ") d",
                    row -> Map.entry(row.getBoolean("expired"), DueCandidates.read(row)), now, max, now, firstSize);
            expiredClaims = oldestDueFirst(rows, true);
            firstDue = oldestDueFirst(rows, false);
        } else {
            expiredClaims = Rows.query(connection, EXPIRED, DueCandidates::read, now, max);
        }
        for (Candidate expired : expiredClaims) {
            if (claimed.size() < max && decided.add(expired.lane())) {
                claimLane(connection, expired.lane(), name, until, now).ifPresent(claimed::add);
            }
        }
        if (claimed.size() < max) {
            claimed.addAll(firstDue == null ? due.claim(connection, now, max - claimed.size(), decided, work)
                    : due.claimFrom(connection, now, max - claimed.size(), decided, work, firstDue, firstSize));
        }
        claimed.sort(Comparator.comparingLong(InboxEntry::id));
        return List.copyOf(claimed);
    }

    /** The rows of one part of a combined read, oldest due first, as each part's own query orders them. */
    private static List<Candidate> oldestDueFirst(List<Map.Entry<Boolean, Candidate>> rows, boolean expired) {
        return rows.stream().filter(row -> row.getKey() == expired).map(Map.Entry::getValue)
                .sorted(Comparator.comparing(Candidate::notBefore).thenComparingLong(Candidate::id)).toList();
    }

    /**
     * Claims the delivery statuses that follow a held entry in its lane ({@code Inbox#claimStatusRun}):
     * under the lane's lock, while the held entry's claim lives, the pending entries after it in id
     * order up to the first that is not a due delivery status, or up to a claimed entry; taken in
     * one update. A lane another claimer is deciding on gives no run (the held entry is handled alone).
     */
    List<InboxEntry> claimRun(Connection connection, InboxEntry held, String worker, int max, Duration lease,
            Instant now) throws SQLException {
        Lane lane = Lane.of(held.tenant(), held.conversation());
        if (!locks.tryLock(connection, lane) || Rows.first(connection, HOLDING, row -> row.getLong(1), held.id(),
                lane.tenant(), held.fence(), now).isEmpty()) {
            return List.of();
        }
        List<Stored> after = Rows.query(connection, AFTER, Stored::read,
                lane.valuesAnd(held.id(), lane.tenant(), lane.channel(), lane.accountId(), lane.contactId(),
                        held.id(), max));
        long firstClaimed = after.stream().filter(Stored::claimed).mapToLong(e -> e.entry().id()).min()
                .orElse(Long.MAX_VALUE);
        List<Stored> run = new ArrayList<>();
        for (Stored next : after.stream().filter(e -> !e.claimed())
                .sorted(Comparator.comparingLong(e -> e.entry().id())).toList()) {
            InboxEntry entry = next.entry();
            if (entry.id() > firstClaimed || entry.notBefore().isAfter(now) || !entry.isDeliveryStatus()) {
                break;
            }
            run.add(next);
        }
        if (run.isEmpty()) {
            return List.of();
        }
        String ids = String.join(", ", Collections.nCopies(run.size(), "?"));
        Object[] values = new Object[3 + run.size()];
        values[0] = now.plus(lease);
        values[1] = Rows.clip(worker, 200);
        values[2] = lane.tenant();
        for (int i = 0; i < run.size(); i++) {
            values[3 + i] = run.get(i).entry().id();
        }
        int taken = Rows.update(connection, "UPDATE conversa_inbox SET status = 'CLAIMED', fence = fence + 1, "
                + "attempts = attempts + 1, lease_until = ?, worker = ? WHERE tenant = ? AND status = 'PENDING' "
                + "AND id IN (" + ids + ")", values);
        if (taken != run.size()) {
            throw new SQLException("inbox entries changed under the lane lock while claiming a run", "40001");
        }
        return run.stream().map(Stored::claimedOnce).toList();
    }

    private Optional<InboxEntry> claimLane(Connection connection, Lane lane, String worker, Instant until,
            Instant now) throws SQLException {
        if (!locks.tryLock(connection, lane)) {
            return Optional.empty();
        }
        if (dialect == Dialect.POSTGRESQL) {
            Object[] values = {until, worker, lane.tenant(), lane.channel(), lane.accountId(), lane.contactId(),
                lane.tenant(), lane.channel(), lane.accountId(), lane.contactId(), now, lane.tenant(), now, now,
                lane.tenant(), lane.channel(), lane.accountId(), lane.contactId(), now};
            return Rows.first(connection, CLAIM_FIRST, InboxRows::entry, values).map(InboxClaimer::asClaimed);
        }
        List<Open> rows = Rows.query(connection, LANE, InboxClaimer::open, lane.valuesAnd(lane.valuesAnd(LANE_PAGE)));
        if (rows.stream().anyMatch(e -> e.isLeasedAt(now))) {
            return Optional.empty();
        }
        Optional<Open> expired = rows.stream().filter(Open::isClaimed).min(Comparator.comparingLong(Open::id));
        List<Open> pending = rows.stream().filter(e -> !e.isClaimed()).sorted(Comparator.comparingLong(Open::id))
                .toList();
        while (true) {
            for (Open entry : pending) {
                if (expired.isPresent() && expired.get().id() < entry.id()) {
                    return take(connection, lane, expired.get(), worker, until);
                }
                if (!entry.notBefore().isAfter(now)) {
                    return take(connection, lane, entry, worker, until);
                }
                if (!entry.replyTask()) {
                    return Optional.empty();
                }
            }
            if (pending.size() < LANE_PAGE) {
                return expired.isPresent() ? take(connection, lane, expired.get(), worker, until) : Optional.empty();
            }
            pending = Rows.query(connection, MORE_PENDING, InboxClaimer::open,
                    lane.valuesAnd(pending.get(pending.size() - 1).id(), LANE_PAGE));
        }
    }

    private static Open open(ResultSet row) throws SQLException {
        return new Open(row.getLong("id"), row.getString("status"), Rows.instant(row, "not_before"),
                Rows.optionalInstant(row, "lease_until"), row.getLong("fence"), row.getString("external_id") == null);
    }

    private Optional<InboxEntry> take(Connection connection, Lane lane, Open candidate, String worker, Instant until)
            throws SQLException {
        Optional<InboxEntry> taken = Rows.first(connection, dialect.updateReturning("UPDATE conversa_inbox SET "
                + "status = 'CLAIMED', fence = ?, attempts = attempts + 1, lease_until = ?, worker = ?, "
                + "reply_slot = NULL WHERE id = ? AND tenant = ? AND status = ? AND fence = ?", InboxRows.COLUMNS),
                InboxRows::entry, candidate.fence() + 1, until, worker, candidate.id(), lane.tenant(),
                candidate.status(), candidate.fence());
        return taken.map(InboxClaimer::asClaimed);
    }

    /** The entry a claim returned, with the attempts made before this claim, as {@code InboxEntry} counts them. */
    private static InboxEntry asClaimed(InboxEntry row) {
        return new InboxEntry(row.id(), row.tenant(), row.conversation(), row.event(), row.notBefore(),
                row.attempts() - 1, row.fence(), row.timer());
    }

    /** A row as stored, with its fence whether claimed or not. */
    private record Stored(InboxEntry entry, long fence, boolean claimed) {

        static Stored read(ResultSet row) throws SQLException {
            return new Stored(InboxRows.entry(row), row.getLong("fence"), InboxRows.CLAIMED.equals(row.getString("status")));
        }

        /** The entry as claimed by the update that raised its fence and counted an attempt. */
        InboxEntry claimedOnce() {
            return new InboxEntry(entry.id(), entry.tenant(), entry.conversation(), entry.event(), entry.notBefore(),
                    entry.attempts(), fence + 1, false);
        }
    }

    private record Open(long id, String status, Instant notBefore, Optional<Instant> leaseUntil, long fence,
            boolean replyTask) {

        boolean isClaimed() {
            return InboxRows.CLAIMED.equals(status);
        }

        boolean isLeasedAt(Instant now) {
            return isClaimed() && leaseUntil.filter(until -> until.isAfter(now)).isPresent();
        }
    }
}
