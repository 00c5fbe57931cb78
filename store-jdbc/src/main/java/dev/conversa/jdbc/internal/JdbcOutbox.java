package dev.conversa.jdbc.internal;

import dev.conversa.internal.json.ModelCodec;
import dev.conversa.internal.store.StoreArguments;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.TenantId;
import dev.conversa.store.Outbox;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import dev.conversa.store.PurgeScope;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The outbox in {@code conversa_outbox}, unique per tenant and idempotency key. Claims are made
 * by {@link OutboxClaimer}: a claimed entry stays {@code PENDING} with a raised fence and a
 * lease until {@link #markSending}. A row is claimed while it is pending or sending and has a
 * lease; every change to a claimed entry is a compare-and-set on that and on the fence, so a
 * worker whose lease expired (its entry claimed again, or now {@code SEND_UNCERTAIN}) cannot
 * overwrite it, and an entry never claimed cannot be finished.
 */
public final class JdbcOutbox implements Outbox {

    private static final String CLAIMED = "state IN ('PENDING', 'SENDING') AND lease_until IS NOT NULL AND fence = ?";
    /** Whether another entry of the lane is pending: bind the lane and the entry's id. */
    private static final String PENDING_AFTER = "EXISTS (SELECT 1 FROM conversa_outbox WHERE" + Lane.WHERE
            + " AND state = 'PENDING' AND id <> ?)";

    private final Database database;
    private final FencedUpdate fenced;
    private final Inserts inserts;
    private final OutboxClaimer claimer;
    private final LaneLocks lanes;

    /**
     * Creates the outbox.
     *
     * @param database the database
     */
    public JdbcOutbox(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.fenced = new FencedUpdate(database, "conversa_outbox", CLAIMED, "outbox entry");
        this.inserts = new Inserts(database.dialect());
        this.lanes = new LaneLocks(database.dialect(), "outbox");
        this.claimer = new OutboxClaimer(lanes, database.dialect());
    }

    @Override
    public OutboxEntry enqueue(TenantId tenant, OutboundMessage message, String idempotencyKey,
            boolean completesHandoff, Instant now) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(now, "now");
        String json = ModelCodec.writeMessage(message);
        ConversationKey to = message.to();
        // the column holds microseconds: the entry returned has the time as stored
        Instant at = Rows.asStored(now);
        return database.inTransaction("enqueueing a message", connection -> {
            OptionalLong id = inserts.insertReturningId(connection, "INSERT INTO conversa_outbox (tenant, "
                    + "idempotency_key, channel, account_id, contact_id, message, state, attempts, not_before, fence, "
                    + "created_at, completes_handoff) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, 0, ?, ?)",
                    tenant.value(), idempotencyKey, to.channel().value(), to.accountId(), to.contactId(), json, at, at,
                    completesHandoff);
            if (id.isPresent()) {
                // a new entry is what was written: no read back
                return new OutboxEntry(id.getAsLong(), tenant, ModelCodec.readMessage(json), idempotencyKey,
                        OutboxState.PENDING, 0, at, Optional.empty(), Optional.empty(), 0, at, completesHandoff);
            }
            return Rows.first(connection, "SELECT " + OutboxRows.COLUMNS + " FROM conversa_outbox "
                    + "WHERE tenant = ? AND idempotency_key = ?", OutboxRows::entry, tenant.value(), idempotencyKey)
                    .orElseThrow();
        });
    }

    @Override
    public List<OutboxEntry> claim(String worker, int max, Duration lease, Instant now) {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(now, "now");
        StoreArguments.requireClaim(max, lease);
        return database.inTransaction("claiming outbox entries",
                connection -> claimer.claim(connection, worker, max, lease, now));
    }

    @Override
    public Optional<OutboxEntry> claimNext(String worker, TenantId tenant, ConversationKey conversation,
            Duration lease, Instant now) {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(now, "now");
        StoreArguments.requireClaim(1, lease);
        Lane lane = Lane.of(Objects.requireNonNull(tenant, "tenant"),
                Objects.requireNonNull(conversation, "conversation"));
        return database.inTransaction("claiming a conversation's next outbox entry",
                connection -> claimer.claimNext(connection, worker, lane, lease, now));
    }

    @Override
    public OutboxEntry markSending(OutboxEntry entry, Duration lease, Instant now) {
        Objects.requireNonNull(entry, "entry");
        StoreArguments.requireClaim(1, lease);
        Objects.requireNonNull(now, "now");
        // the fence matched, so the row is the entry as claimed: only its state and lease changed
        changeClaimed(entry, "marking a message sending", "SET state = 'SENDING', lease_until = ?", now.plus(lease));
        return entry.withState(OutboxState.SENDING);
    }

    @Override
    public void renew(OutboxEntry entry, Duration lease, Instant now) {
        StoreArguments.requireClaim(1, lease);
        Objects.requireNonNull(now, "now");
        changeClaimed(entry, "renewing an outbox claim", "SET lease_until = ?", now.plus(lease));
    }

    @Override
    public void markSent(OutboxEntry entry, Optional<String> channelMessageId, Instant now) {
        Objects.requireNonNull(channelMessageId, "channelMessageId");
        Objects.requireNonNull(now, "now");
        changeClaimed(entry, "marking a message sent", "SET state = 'SENT', channel_message_id = ?, lease_until = NULL",
                channelMessageId);
    }

    /**
     * On PostgreSQL the update that marks the entry sent also says whether another entry of its
     * conversation is pending (as of the statement's start); when none is, no claim is tried, and
     * one queued meanwhile is found by the next {@link #claim}.
     */
    @Override
    public Optional<OutboxEntry> markSentAndClaimNext(OutboxEntry entry, Optional<String> channelMessageId,
            String worker, Duration lease, Instant now) {
        if (database.dialect() != Dialect.POSTGRESQL) {
            return Outbox.super.markSentAndClaimNext(entry, channelMessageId, worker, lease, now);
        }
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(channelMessageId, "channelMessageId");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(now, "now");
        StoreArguments.requireClaim(1, lease);
        Lane lane = Lane.of(entry.tenant(), entry.message().to());
        return database.inTransaction("marking a message sent and claiming the next", connection -> {
            boolean more = fenced.applyReturning(connection, entry.id(), entry.tenant(), entry.fence(),
                    "SET state = 'SENT', channel_message_id = ?, lease_until = NULL", PENDING_AFTER,
                    row -> row.getBoolean(1), new Object[] {channelMessageId}, lane.valuesAnd(entry.id()));
            return more ? claimer.claimNext(connection, worker, lane, lease, now) : Optional.<OutboxEntry>empty();
        });
    }

    @Override
    public void retry(OutboxEntry entry, Instant notBefore, String error) {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(error, "error");
        changeClaimed(entry, "retrying a message",
                "SET state = 'PENDING', not_before = ?, last_error = ?, lease_until = NULL", notBefore,
                Rows.clip(error, 1000));
    }

    @Override
    public void postpone(OutboxEntry entry, Instant notBefore, String reason) {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(reason, "reason");
        changeClaimed(entry, "postponing a message",
                "SET state = 'PENDING', not_before = ?, last_error = ?, lease_until = NULL, attempts = attempts - 1",
                notBefore, Rows.clip(reason, 1000));
    }

    @Override
    public void markDead(OutboxEntry entry, String error) {
        Objects.requireNonNull(error, "error");
        changeClaimed(entry, "marking a message dead", "SET state = 'DEAD', last_error = ?, lease_until = NULL",
                Rows.clip(error, 1000));
    }

    @Override
    public void markUncertain(OutboxEntry entry, String error) {
        Objects.requireNonNull(error, "error");
        changeClaimed(entry, "marking a message uncertain",
                "SET state = 'SEND_UNCERTAIN', last_error = ?, lease_until = NULL", Rows.clip(error, 1000));
    }

    private void changeClaimed(OutboxEntry entry, String operation, String assignments, Object... values) {
        Objects.requireNonNull(entry, "entry");
        fenced.apply(operation, entry.id(), entry.tenant(), entry.fence(), assignments, values);
    }

    @Override
    public Optional<OutboxEntry> find(TenantId tenant, long id) {
        Objects.requireNonNull(tenant, "tenant");
        return database.read("finding an outbox entry", connection -> Rows.first(connection,
                "SELECT " + OutboxRows.COLUMNS + " FROM conversa_outbox WHERE tenant = ? AND id = ?",
                OutboxRows::entry, tenant.value(), id));
    }

    @Override
    public List<OutboxEntry> sending(TenantId tenant, ConversationKey conversation) {
        Lane lane = Lane.of(Objects.requireNonNull(tenant, "tenant"),
                Objects.requireNonNull(conversation, "conversation"));
        return database.read("listing messages being sent", connection -> Rows.query(connection,
                "SELECT " + OutboxRows.COLUMNS + " FROM conversa_outbox WHERE" + Lane.WHERE + " AND state = 'SENDING' "
                        + "ORDER BY tenant, channel, account_id, contact_id, state, id", OutboxRows::entry,
                lane.values()));
    }

    @Override
    public List<OutboxEntry> list(TenantId tenant, OutboxState state, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(state, "state");
        StoreArguments.requireLimit(limit);
        return database.read("listing outbox entries", connection -> Rows.query(connection,
                "SELECT " + OutboxRows.COLUMNS + " FROM conversa_outbox WHERE tenant = ? AND state = ? "
                        + "ORDER BY id LIMIT ?", OutboxRows::entry, tenant.value(), state.name(), limit));
    }

    @Override
    public Map<OutboxState, Long> countByState() {
        Map<OutboxState, Long> counts = new EnumMap<>(OutboxState.class);
        for (OutboxState state : OutboxState.values()) {
            counts.put(state, 0L);
        }
        database.read("counting outbox entries by state", connection -> Rows.query(connection,
                "SELECT state, COUNT(*) AS entries FROM conversa_outbox GROUP BY state",
                row -> Map.entry(OutboxState.valueOf(row.getString("state")), row.getLong("entries"))))
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return Collections.unmodifiableMap(counts);
    }

    @Override
    public int purgeFinished(PurgeScope scope, Instant cutoff, int limit) {
        return ScopedPurge.purge(database, "purging finished outbox entries", "conversa_outbox", "id",
                "state IN ('SENT', 'DEAD', 'SEND_UNCERTAIN') AND created_at <= ?", "id", scope, cutoff, limit);
    }

    @Override
    public int deleteConversation(TenantId tenant, ConversationKey conversation) {
        Lane lane = Lane.of(Objects.requireNonNull(tenant, "tenant"),
                Objects.requireNonNull(conversation, "conversation"));
        return database.inTransaction("deleting a conversation's outbox entries", connection -> {
            lanes.delete(connection, lane);
            return Rows.update(connection, "DELETE FROM conversa_outbox WHERE" + Lane.WHERE, lane.values());
        });
    }
}
