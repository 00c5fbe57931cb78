package dev.conversa.jdbc.internal;

import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
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
 * Then, like {@link InboxClaimer}, it locks the lanes of conversations with a due head entry
 * and claims each lane's oldest pending entry with a compare-and-set that raises the fence.
 */
final class OutboxClaimer {

    private static final String EXPIRE = "UPDATE conversa_outbox SET state = 'SEND_UNCERTAIN', "
            + "last_error = 'lease expired while sending; the channel may have accepted it' "
            + "WHERE state = 'SENDING' AND lease_until <= ?";
    private static final String CANDIDATES = "SELECT e.tenant, e.channel, e.account_id, e.contact_id, e.id "
            + "FROM conversa_outbox e WHERE e.state = 'PENDING' AND e.not_before <= ? AND NOT EXISTS ("
            + "SELECT 1 FROM conversa_outbox b WHERE b.tenant = e.tenant AND b.channel = e.channel "
            + "AND b.account_id = e.account_id AND b.contact_id = e.contact_id "
            + "AND (b.state = 'SENDING' OR (b.state = 'PENDING' AND b.id < e.id))) ORDER BY e.id LIMIT ?";
    private static final String OPEN_ENTRIES = "SELECT " + OutboxRows.COLUMNS + " FROM conversa_outbox WHERE"
            + Lane.WHERE + " AND state IN ('PENDING', 'SENDING') ORDER BY id";

    private final LaneLocks locks;

    OutboxClaimer(Dialect dialect) {
        this.locks = new LaneLocks(dialect, "outbox");
    }

    List<OutboxEntry> claim(Connection connection, String worker, int max, Duration lease, Instant now)
            throws SQLException {
        Rows.update(connection, EXPIRE, now);
        List<Lane> candidates = Rows.query(connection, CANDIDATES, Lane::read, now, max * 2 + 4);
        List<Lane> locked = locks.lock(connection, candidates);
        List<OutboxEntry> claimed = new ArrayList<>();
        for (Lane lane : candidates) {
            if (claimed.size() == max) {
                break;
            }
            if (locked.contains(lane)) {
                claimHead(connection, lane, worker, now.plus(lease), now).ifPresent(claimed::add);
            }
        }
        claimed.sort(Comparator.comparingLong(OutboxEntry::id));
        return List.copyOf(claimed);
    }

    private Optional<OutboxEntry> claimHead(Connection connection, Lane lane, String worker, Instant until,
            Instant now) throws SQLException {
        List<Open> open = Rows.query(connection, OPEN_ENTRIES,
                row -> new Open(OutboxRows.entry(row), row.getLong("fence")), lane.values());
        if (open.isEmpty() || open.stream().anyMatch(o -> o.entry().state() == OutboxState.SENDING)) {
            return Optional.empty();
        }
        Open head = open.get(0);
        if (head.entry().notBefore().isAfter(now)) {
            return Optional.empty();
        }
        OutboxEntry e = head.entry();
        long fence = head.fence() + 1;
        int taken = Rows.update(connection, "UPDATE conversa_outbox SET state = 'SENDING', fence = ?, "
                + "attempts = attempts + 1, lease_until = ?, worker = ? "
                + "WHERE id = ? AND tenant = ? AND state = 'PENDING' AND fence = ?", fence, until,
                InboxRows.clip(worker, 200), e.id(), e.tenant().value(), head.fence());
        return taken == 1
                ? Optional.of(new OutboxEntry(e.id(), e.tenant(), e.message(), e.idempotencyKey(),
                        OutboxState.SENDING, e.attempts() + 1, e.notBefore(), e.channelMessageId(), e.lastError(),
                        fence, e.createdAt()))
                : Optional.empty();
    }

    private record Open(OutboxEntry entry, long fence) {}
}
