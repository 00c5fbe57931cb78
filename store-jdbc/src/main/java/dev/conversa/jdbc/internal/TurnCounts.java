package dev.conversa.jdbc.internal;

import dev.conversa.internal.store.StoreArguments;
import dev.conversa.internal.store.TurnCount;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import dev.conversa.store.SenderTurn;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The turn budget's counts, shared by every instance on the database: a customer's turns in the
 * {@code turn_*} columns of their conversation's row (so erasure and retention remove them with
 * it), a tenant's turns in {@code conversa_turn_window}, one row per tenant and current window.
 */
final class TurnCounts {

    /** On PostgreSQL, a turn taken in one statement: {@link #takeInOne}. */
    private static final String TAKE = "UPDATE conversa_conversation c SET turn_window = ?, turn_count = o.counted "
            + "+ CASE WHEN o.counted < ? THEN 1 ELSE 0 END, turn_noticed = o.told OR o.counted >= ? FROM (SELECT "
            + "CASE WHEN turn_window = ? THEN turn_count ELSE 0 END AS counted, CASE WHEN turn_window = ? "
            + "THEN turn_noticed ELSE FALSE END AS told FROM conversa_conversation WHERE" + Lane.WHERE
            + " FOR UPDATE) o WHERE c.tenant = ? AND c.channel = ? AND c.account_id = ? AND c.contact_id = ? "
            + "RETURNING o.counted, o.told";

    private final Database database;
    private final Inserts inserts;

    TurnCounts(Database database) {
        this.database = database;
        this.inserts = new Inserts(database.dialect());
    }

    SenderTurn take(TenantId tenant, ConversationKey key, Instant window, int allowed) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(key, "key");
        StoreArguments.requireTurn(window, allowed);
        Lane lane = Lane.of(tenant, key);
        if (database.dialect() == Dialect.POSTGRESQL) {
            return database.inStatement("taking a responder turn", connection -> takeInOne(connection, lane, window,
                    allowed));
        }
        return database.inTransaction("taking a responder turn", connection -> {
            // the row, if the conversation exists, and its count, if one was ever kept
            Optional<Optional<TurnCount>> row = Rows.first(connection, "SELECT turn_window, turn_count, turn_noticed "
                    + "FROM conversa_conversation WHERE" + Lane.WHERE + " FOR UPDATE", TurnCounts::count,
                    lane.values());
            if (row.isEmpty()) {
                return SenderTurn.TAKEN;
            }
            TurnCount current = TurnCount.in(window, row.get());
            SenderTurn outcome = current.take(allowed);
            TurnCount next = current.after(outcome);
            if (row.get().filter(next::equals).isEmpty()) {
                Rows.update(connection, "UPDATE conversa_conversation SET turn_window = ?, turn_count = ?, "
                        + "turn_noticed = ? WHERE" + Lane.WHERE, next.window(), next.count(), next.noticed(),
                        lane.tenant(), lane.channel(), lane.accountId(), lane.contactId());
            }
            return outcome;
        });
    }

    /**
     * {@link #take} on PostgreSQL in one statement: the row is locked and read by the subquery
     * (which sees its latest version once locked), and the update applies {@link TurnCount}'s
     * rules to what it read; it returns the count it started from. A refusal told before is
     * written again unchanged.
     */
    private static SenderTurn takeInOne(Connection connection, Lane lane, Instant window, int allowed)
            throws SQLException {
        Object[] values = {window, allowed, allowed, window, window, lane.tenant(), lane.channel(), lane.accountId(),
            lane.contactId(), lane.tenant(), lane.channel(), lane.accountId(), lane.contactId()};
        Optional<TurnCount> before = Rows.first(connection, TAKE, row -> new TurnCount(window, row.getInt("counted"),
                row.getBoolean("told")), values);
        if (before.isEmpty()) {
            return SenderTurn.TAKEN;
        }
        return before.get().take(allowed);
    }

    private static Optional<TurnCount> count(ResultSet row) throws SQLException {
        int count = row.getInt("turn_count");
        boolean noticed = row.getBoolean("turn_noticed");
        return Rows.optionalInstant(row, "turn_window").map(start -> new TurnCount(start, count, noticed));
    }

    int grant(TenantId tenant, Instant window, int wanted, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        StoreArguments.requireGrant(window, wanted, limit);
        return database.outsideUnitOfWork(() -> database.inTransaction("granting a tenant's responder turns",
                connection -> {
                    Rows.update(connection, "DELETE FROM conversa_turn_window WHERE tenant = ? AND window_start < ?",
                            tenant.value(), window);
                    inserts.insertIfAbsent(connection, "INSERT INTO conversa_turn_window (tenant, window_start, "
                            + "turns) VALUES (?, ?, 0)", tenant.value(), window);
                    int spent = Rows.first(connection, "SELECT turns FROM conversa_turn_window "
                            + "WHERE tenant = ? AND window_start = ? FOR UPDATE", result -> result.getInt("turns"),
                            tenant.value(), window).orElseThrow();
                    int granted = TurnCount.grantable(wanted, limit, spent);
                    if (granted > 0) {
                        Rows.update(connection, "UPDATE conversa_turn_window SET turns = turns + ? "
                                + "WHERE tenant = ? AND window_start = ?", granted, tenant.value(), window);
                    }
                    return granted;
                }));
    }
}
