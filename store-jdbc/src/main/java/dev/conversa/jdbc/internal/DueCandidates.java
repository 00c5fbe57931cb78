package dev.conversa.jdbc.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a claim looks for work: the due {@code PENDING} rows of the inbox or the outbox, oldest
 * due first, read in pages from the {@code (status, not_before, id)} index, so a claim costs the
 * rows it looks at, not the size of the queue. A page after the first continues strictly after
 * the last row seen, in two index ranges (the rest of the same {@code not_before}, then the later
 * ones), because H2 would otherwise scan every row equal to the bound.
 *
 * <p>A candidate is only a hint: its lane may be held, or its lane's first entry may be another
 * one. The claimer locks the lane and reads the lane's own first entries to decide.
 */
final class DueCandidates {

    /** The most candidate rows one claim looks at. */
    static final int MOST_ROWS = 1024;
    private static final int FIRST_PAGE = 32;
    /** Both databases keep timestamps to the microsecond: the next instant after a stored one. */
    private static final Duration RESOLUTION = Duration.ofNanos(1_000);

    private final String first;
    private final String next;

    /**
     * @param table {@code conversa_inbox} or {@code conversa_outbox}
     * @param status the name of its status column
     */
    DueCandidates(String table, String status) {
        String select = "SELECT id, not_before, lease_until, tenant, channel, account_id, contact_id FROM " + table
                + " WHERE " + status + " = 'PENDING' AND ";
        // H2 uses the index for the order only when ORDER BY names the index's leading column too
        String order = " ORDER BY " + status + ", not_before, id LIMIT ?";
        this.first = select + "not_before <= ?" + order;
        this.next = "(" + select + "not_before = ? AND id > ?" + order + ") UNION ALL (" + select
                + "not_before >= ? AND not_before <= ?" + order + ")";
    }

    /**
     * Offers due candidates to {@code work}, oldest due first, one per lane, until {@code max}
     * entries are claimed or {@link #MOST_ROWS} rows were looked at: lanes that are held (their
     * entry in flight) can fill a page, so pages follow, growing, up to that bound.
     *
     * @param decided lanes already decided in this claim, skipped; every lane offered is added
     * @return the entries claimed, in the order they were claimed
     */
    <T> List<T> claim(Connection connection, Instant now, int max, Set<Lane> decided, LaneWork<T> work)
            throws SQLException {
        return claim(connection, now, max, decided, work, "");
    }

    /**
     * As {@link #claim(Connection, Instant, int, Set, LaneWork)}, with a {@code WITH} clause put
     * before the first page's query (on PostgreSQL, a change the claim makes first, such as
     * releasing expired sends, in the same round trip), bound with {@code withValues}.
     */
    <T> List<T> claim(Connection connection, Instant now, int max, Set<Lane> decided, LaneWork<T> work, String with,
            Object... withValues) throws SQLException {
        int size = firstPageSize(max);
        List<Candidate> page = Rows.query(connection, with + first, DueCandidates::read,
                Rows.join(withValues, now, size));
        return claimFrom(connection, now, max, decided, work, page, size);
    }

    /** How many rows the first page of a claim of {@code max} reads. */
    static int firstPageSize(int max) {
        return Math.min(MOST_ROWS, Math.max(FIRST_PAGE, 2 * max));
    }

    /**
     * The first page's query, for a caller that reads it in a statement with another read: bind
     * {@code now} and {@link #firstPageSize}, then hand the rows to {@link #claimFrom}.
     */
    String firstPageQuery() {
        return first;
    }

    /**
     * As {@link #claim(Connection, Instant, int, Set, LaneWork)}, from a first page already read
     * ({@link #firstPageQuery}) with {@code size} rows asked for, oldest due first.
     */
    <T> List<T> claimFrom(Connection connection, Instant now, int max, Set<Lane> decided, LaneWork<T> work,
            List<Candidate> page, int size) throws SQLException {
        List<T> claimed = new ArrayList<>();
        int seen = 0;
        while (true) {
            for (Candidate candidate : page) {
                if (claimed.size() == max) {
                    return claimed;
                }
                if (decided.add(candidate.lane())) {
                    work.claim(connection, candidate).ifPresent(claimed::add);
                }
            }
            seen += page.size();
            if (page.size() < size || claimed.size() == max || seen >= MOST_ROWS) {
                return claimed;
            }
            size = Math.min(2 * size, MOST_ROWS - seen);
            page = after(connection, page.get(page.size() - 1), now, size);
        }
    }

    /** The {@code size} due rows after {@code last}, oldest due first. */
    List<Candidate> after(Connection connection, Candidate last, Instant now, int size) throws SQLException {
        List<Candidate> rows = new ArrayList<>(Rows.query(connection, next, DueCandidates::read, last.notBefore(),
                last.id(), size, last.notBefore().plus(RESOLUTION), now, size));
        rows.sort(Comparator.comparing(Candidate::notBefore).thenComparingLong(Candidate::id));
        return rows.size() > size ? List.copyOf(rows.subList(0, size)) : List.copyOf(rows);
    }

    /**
     * Decides one lane for a claim.
     *
     * @param <T> the claimed entry
     */
    @FunctionalInterface
    interface LaneWork<T> {
        /** Claims the lane's first entry if the rules allow, given a due candidate of the lane. */
        Optional<T> claim(Connection connection, Candidate candidate) throws SQLException;
    }

    static Candidate read(ResultSet row) throws SQLException {
        return new Candidate(row.getLong("id"), Rows.instant(row, "not_before"), Rows.optionalInstant(row,
                "lease_until"), Lane.read(row));
    }

    /**
     * A due pending row.
     *
     * @param id its id
     * @param notBefore when it became due
     * @param leaseUntil its claim's lease, if it has one (the outbox claims pending entries)
     * @param lane its conversation
     */
    record Candidate(long id, Instant notBefore, Optional<Instant> leaseUntil, Lane lane) {}
}
