package dev.conversa.jdbc.internal;

import dev.conversa.internal.json.ModelCodec;
import dev.conversa.internal.store.StoreArguments;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.EventHeader;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.TenantId;
import dev.conversa.store.Inbox;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.LeaseLostException;
import dev.conversa.store.PurgeScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The inbox in {@code conversa_inbox}. An append is one transaction whose inserts skip events
 * already recorded (unique key on tenant, channel, account and external id), shared with the
 * appends of concurrent callers ({@link GroupCommit}: one commit, one fsync, for many
 * webhooks; each caller returns once its own events are committed; on PostgreSQL the group's
 * rows go in one statement, one round trip); claims are made by
 * {@link InboxClaimer}; finishing a claim is a compare-and-set on status and fence.
 */
public final class JdbcInbox implements Inbox {

    private static final String INSERT = "INSERT INTO conversa_inbox (tenant, channel, account_id, contact_id, "
            + "external_id, reply_slot, event, status, not_before, attempts, fence, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, 0, 0, ?)";

    /** PostgreSQL: a group's events from one array per column, in order, returning what was inserted. */
    private static final String INSERT_ALL = "INSERT INTO conversa_inbox (tenant, channel, account_id, contact_id, "
            + "external_id, event, status, not_before, attempts, fence, created_at) "
            + "SELECT r.tenant, r.channel, r.account_id, r.contact_id, r.external_id, r.event, 'PENDING', "
            + "r.at::timestamptz, 0, 0, r.at::timestamptz "
            + "FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::text[]) "
            + "WITH ORDINALITY AS r(tenant, channel, account_id, contact_id, external_id, event, at, n) ORDER BY r.n "
            + "ON CONFLICT DO NOTHING RETURNING id, tenant, channel, account_id, external_id";

    /** The SQL type of each array {@link #INSERT_ALL} takes, in its parameters' order. */
    private static final String[] INSERT_ALL_TYPES = {"varchar", "varchar", "varchar", "varchar", "varchar", "text",
        "text"};

    /** Appends of concurrent callers committed together at most, so one transaction stays short. */
    private static final int MAX_GROUP = 256;

    private final Database database;
    private final FencedUpdate fenced;
    private final Inserts inserts;
    private final InboxClaimer claimer;
    private final LaneLocks lanes;
    private final GroupCommit<Append, List<InboxEntry>> appends;
    private final GroupCommit<Completion, Boolean> completions;

    /**
     * Creates the inbox.
     *
     * @param database the database
     */
    public JdbcInbox(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.fenced = new FencedUpdate(database, "conversa_inbox", "status = 'CLAIMED' AND fence = ?", "inbox entry");
        this.inserts = new Inserts(database.dialect());
        this.lanes = new LaneLocks(database.dialect(), "inbox");
        this.claimer = new InboxClaimer(lanes, database.dialect());
        this.appends = new GroupCommit<>(database, "appending to the inbox", MAX_GROUP, this::insert,
                this::insertsInOneStatement);
        this.completions = new GroupCommit<>(database, "completing inbox entries", MAX_GROUP, this::completeAll,
                GroupCommit.alone());
    }

    @Override
    public List<InboxEntry> append(TenantId tenant, List<InboundEvent> events, Instant now) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(now, "now");
        List<InboundEvent> batch = List.copyOf(events);
        if (batch.isEmpty()) {
            return List.of();
        }
        return appends.write(new Append(tenant, batch, batch.stream().map(ModelCodec::writeEvent).toList(), now));
    }

    /** Writes the appends of concurrent callers in one transaction, each event skipped if already recorded. */
    private List<List<InboxEntry>> insert(Connection connection, List<Append> group) throws SQLException {
        int events = group.stream().mapToInt(append -> append.events().size()).sum();
        if (database.dialect() == Dialect.POSTGRESQL && events > 1) {
            return insertAtOnce(connection, group, events);
        }
        List<List<InboxEntry>> results = new ArrayList<>(group.size());
        for (Append append : group) {
            List<InboxEntry> created = new ArrayList<>();
            for (int i = 0; i < append.events().size(); i++) {
                InboundEvent event = append.events().get(i);
                EventHeader header = event.header();
                OptionalLong id = inserts.insertReturningId(connection, INSERT, append.tenant().value(),
                        header.channel().value(), header.accountId(), header.contactId(), header.externalId(), null,
                        append.json().get(i), append.now(), append.now());
                if (id.isPresent()) {
                    created.add(entry(append, i, id.getAsLong()));
                }
            }
            results.add(List.copyOf(created));
        }
        return results;
    }

    /** Whether {@link #insert} writes a group in one statement: always on PostgreSQL, elsewhere a lone event. */
    private boolean insertsInOneStatement(List<Append> group) {
        return database.dialect() == Dialect.POSTGRESQL || group.size() == 1 && group.get(0).events().size() == 1;
    }

    /**
     * The group's events in one statement, one round trip however many there are: one array per
     * column, inserted in order (so a caller's events keep their order in the ids), each row
     * skipped if its event is already recorded. (A lone event takes the plain insert, which is
     * faster for one row.) The rows inserted come back with their key and go to the first event
     * in the group with that key; a later event with the same key (the same webhook delivered
     * twice at once) was already recorded.
     */
    private static List<List<InboxEntry>> insertAtOnce(Connection connection, List<Append> group, int count)
            throws SQLException {
        String[][] columns = new String[INSERT_ALL_TYPES.length][count];
        int row = 0;
        for (Append append : group) {
            String at = Rows.asStored(append.now()).toString(); // to the microsecond, as the plain insert rounds
            for (int i = 0; i < append.events().size(); i++, row++) {
                EventHeader header = append.events().get(i).header();
                columns[0][row] = append.tenant().value();
                columns[1][row] = header.channel().value();
                columns[2][row] = header.accountId();
                columns[3][row] = header.contactId();
                columns[4][row] = header.externalId();
                columns[5][row] = append.json().get(i);
                columns[6][row] = at;
            }
        }
        Map<Key, Long> inserted = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(INSERT_ALL)) {
            for (int c = 0; c < columns.length; c++) {
                statement.setArray(c + 1, connection.createArrayOf(INSERT_ALL_TYPES[c], columns[c]));
            }
            try (ResultSet keys = statement.executeQuery()) {
                while (keys.next()) {
                    inserted.put(new Key(keys.getString(2), keys.getString(3), keys.getString(4), keys.getString(5)),
                            keys.getLong(1));
                }
            }
        }
        List<List<InboxEntry>> results = new ArrayList<>(group.size());
        for (Append append : group) {
            List<InboxEntry> created = new ArrayList<>();
            for (int i = 0; i < append.events().size(); i++) {
                EventHeader header = append.events().get(i).header();
                Long id = inserted.remove(new Key(append.tenant().value(), header.channel().value(),
                        header.accountId(), header.externalId()));
                if (id != null) {
                    created.add(entry(append, i, id));
                }
            }
            results.add(List.copyOf(created));
        }
        return results;
    }

    /** An appended entry as a claim will read it back: its due time to the microsecond, as the column keeps it. */
    private static InboxEntry entry(Append append, int index, long id) {
        InboundEvent event = append.events().get(index);
        return new InboxEntry(id, append.tenant(), event.header().conversation(), Optional.of(event),
                Rows.asStored(append.now()), 0, 0);
    }

    /** An event's key in {@code conversa_inbox_dedup}, as the columns hold it. */
    private record Key(String tenant, String channel, String accountId, String externalId) {
    }

    /** One caller's events, already encoded. */
    private record Append(TenantId tenant, List<InboundEvent> events, List<String> json, Instant now) {
    }

    @Override
    public void scheduleReply(TenantId tenant, ConversationKey conversation, Instant due, Instant now) {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(now, "now");
        Lane lane = Lane.of(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(conversation, "key"));
        // insert first: most turns are one message, whose task is new; a burst's later messages move it
        Object[] task = lane.valuesAnd(null, "P", null, due, now);
        database.inTransaction("scheduling a reply", connection -> {
            if (inserts.insertIfAbsent(connection, INSERT, task) || movePendingReply(connection, lane, due)) {
                return null;
            }
            // the pending task was claimed in between, which frees its slot
            if (!inserts.insertIfAbsent(connection, INSERT, task)) {
                movePendingReply(connection, lane, due);
            }
            return null;
        });
    }

    @Override
    public boolean hasWaiting(TenantId tenant, ConversationKey conversation) {
        Lane lane = Lane.of(Objects.requireNonNull(tenant, "tenant"),
                Objects.requireNonNull(conversation, "conversation"));
        return database.read("looking for a conversation's waiting inbox entries", connection ->
                Rows.first(connection, "SELECT id FROM conversa_inbox WHERE" + Lane.WHERE + " AND status = 'PENDING' "
                        + "LIMIT 1", row -> row.getLong(1), lane.values()).isPresent());
    }

    @Override
    public void scheduleTimer(TenantId tenant, ConversationKey conversation, Instant due, Instant now) {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(now, "now");
        Lane lane = Lane.of(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(conversation, "key"));
        database.inTransaction("scheduling a timer", connection -> {
            if (movePendingTimer(connection, lane, due)) {
                return null;
            }
            if (!inserts.insertIfAbsent(connection, "INSERT INTO conversa_inbox (tenant, channel, account_id, "
                    + "contact_id, reply_slot, task, status, not_before, attempts, fence, created_at) "
                    + "VALUES (?, ?, ?, ?, 'S', '" + InboxRows.TIMER + "', 'PENDING', ?, 0, 0, ?)",
                    lane.valuesAnd(due, now))) {
                movePendingTimer(connection, lane, due);
            }
            return null;
        });
    }

    /** Moves the pending timer earlier, if due is earlier; tells whether one is pending. */
    private static boolean movePendingTimer(Connection connection, Lane lane, Instant due) throws SQLException {
        Object[] key = lane.values();
        return Rows.update(connection, "UPDATE conversa_inbox SET not_before = CASE WHEN not_before > ? THEN ? "
                + "ELSE not_before END WHERE" + Lane.WHERE + " AND reply_slot = 'S'", due, due, key[0], key[1],
                key[2], key[3]) == 1;
    }

    private static boolean movePendingReply(Connection connection, Lane lane, Instant due) throws SQLException {
        Object[] key = lane.values();
        return Rows.update(connection, "UPDATE conversa_inbox SET not_before = ? WHERE" + Lane.WHERE
                + " AND reply_slot = 'P'", due, key[0], key[1], key[2], key[3]) == 1;
    }

    @Override
    public List<InboxEntry> claim(String worker, int max, Duration lease, Instant now) {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(now, "now");
        StoreArguments.requireClaim(max, lease);
        return database.inTransaction("claiming inbox entries",
                connection -> claimer.claim(connection, worker, max, lease, now));
    }

    @Override
    public List<InboxEntry> claimStatusRun(String worker, InboxEntry held, int max, Duration lease, Instant now) {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(held, "held");
        Objects.requireNonNull(now, "now");
        StoreArguments.requireClaim(max, lease);
        return database.inTransaction("claiming a run of inbox statuses",
                connection -> claimer.claimRun(connection, held, worker, max, lease, now));
    }

    @Override
    public void renew(InboxEntry entry, Duration lease, Instant now) {
        StoreArguments.requireClaim(1, lease);
        Objects.requireNonNull(now, "now");
        changeClaimed(entry, "renewing an inbox claim", "SET lease_until = ?", now.plus(lease));
    }

    @Override
    public void complete(InboxEntry entry, Instant now) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(now, "now");
        if (!completions.write(new Completion(entry, now))) {
            throw new LeaseLostException("inbox entry " + entry.id() + " is no longer claimed under fence "
                    + entry.fence());
        }
    }

    /**
     * Completes the entries of concurrent workers in one transaction ({@link GroupCommit}), each
     * only while still claimed under its fence: a status batch of many entries costs a few
     * commits, not one per entry. The result says, per entry, whether it was still claimed.
     */
    private List<Boolean> completeAll(Connection connection, List<Completion> group) throws SQLException {
        List<Boolean> completed = new ArrayList<>(group.size());
        for (Completion completion : group) {
            InboxEntry entry = completion.entry();
            completed.add(Rows.update(connection, "UPDATE conversa_inbox SET status = 'COMPLETED', completed_at = ?, "
                    + "lease_until = NULL, event = NULL WHERE id = ? AND tenant = ? AND status = 'CLAIMED' AND fence = ?",
                    completion.now(), entry.id(), entry.tenant().value(), entry.fence()) == 1);
        }
        return completed;
    }

    private record Completion(InboxEntry entry, Instant now) {
    }

    @Override
    public void retry(InboxEntry entry, Instant notBefore, String reason) {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(reason, "reason");
        changeClaimed(entry, "retrying an inbox entry",
                "SET status = 'PENDING', not_before = ?, last_error = ?, lease_until = NULL", notBefore,
                Rows.clip(reason, 1000));
    }

    @Override
    public void park(InboxEntry entry, String reason) {
        Objects.requireNonNull(reason, "reason");
        changeClaimed(entry, "parking an inbox entry", "SET status = 'PARKED', last_error = ?, lease_until = NULL",
                Rows.clip(reason, 1000));
    }

    private void changeClaimed(InboxEntry entry, String operation, String assignments, Object... values) {
        Objects.requireNonNull(entry, "entry");
        fenced.apply(operation, entry.id(), entry.tenant(), entry.fence(), assignments, values);
    }

    @Override
    public List<InboxEntry> parked(TenantId tenant, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        StoreArguments.requireLimit(limit);
        return database.read("listing parked inbox entries", connection -> Rows.query(connection,
                "SELECT " + InboxRows.COLUMNS + " FROM conversa_inbox WHERE tenant = ? AND status = 'PARKED' "
                        + "ORDER BY id LIMIT ?", InboxRows::entry, tenant.value(), limit));
    }

    @Override
    public long pendingCount() {
        return database.read("counting pending inbox entries", connection -> Rows.first(connection,
                "SELECT COUNT(*) FROM conversa_inbox WHERE status IN ('PENDING', 'CLAIMED')",
                row -> row.getLong(1)).orElse(0L));
    }

    @Override
    public long parkedCount() {
        return database.read("counting parked inbox entries", connection -> Rows.first(connection,
                "SELECT COUNT(*) FROM conversa_inbox WHERE status = 'PARKED'", row -> row.getLong(1)).orElse(0L));
    }

    @Override
    public Optional<Instant> oldestPendingAt() {
        return database.read("finding the oldest pending inbox entry", connection -> Rows.first(connection,
                "SELECT MIN(created_at) AS oldest FROM conversa_inbox WHERE status IN ('PENDING', 'CLAIMED')",
                row -> Rows.optionalInstant(row, "oldest"))).flatMap(oldest -> oldest);
    }

    @Override
    public int purgeCompleted(Instant before) {
        Objects.requireNonNull(before, "before");
        return database.inTransaction("purging completed inbox entries", connection -> Rows.update(connection,
                "DELETE FROM conversa_inbox WHERE status = 'COMPLETED' AND completed_at < ?", before));
    }

    @Override
    public int purgeProcessed(PurgeScope scope, Instant cutoff, int limit) {
        return ScopedPurge.purge(database, "purging processed inbox entries", "conversa_inbox", "id",
                "status = 'COMPLETED' AND completed_at <= ?", "id", scope, cutoff, limit);
    }

    @Override
    public int deleteConversation(TenantId tenant, ConversationKey conversation) {
        Lane lane = Lane.of(Objects.requireNonNull(tenant, "tenant"),
                Objects.requireNonNull(conversation, "conversation"));
        return database.inTransaction("deleting a conversation's inbox entries", connection -> {
            lanes.delete(connection, lane);
            return Rows.update(connection, "DELETE FROM conversa_inbox WHERE" + Lane.WHERE, lane.values());
        });
    }
}
