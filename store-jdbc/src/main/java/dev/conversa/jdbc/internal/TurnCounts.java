package dev.conversa.jdbc.internal;

import dev.conversa.internal.store.StoreArguments;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import dev.conversa.store.SenderTurn;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The turn budget's counts, shared by every instance on the database: a customer's turns in the
 * {@code turn_*} columns of their conversation's row (so erasure and retention remove them with
 * it), a tenant's turns in {@code conversa_turn_window}, one row per tenant and current window.
 */
final class TurnCounts {

    private static final String BY_KEY = " WHERE tenant = ? AND channel = ? AND account_id = ? AND contact_id = ?";

    private record Stored(Optional<Instant> window, int count, boolean noticed) {
    }

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
        Object[] row = {tenant.value(), key.channel().value(), key.accountId(), key.contactId()};
        return database.inTransaction("taking a responder turn", connection -> {
            Optional<Stored> found = Rows.first(connection, "SELECT turn_window, turn_count, turn_noticed "
                    + "FROM conversa_conversation" + BY_KEY + " FOR UPDATE", result -> new Stored(
                            Rows.optionalInstant(result, "turn_window"), result.getInt("turn_count"),
                            result.getBoolean("turn_noticed")), row);
            if (found.isEmpty()) {
                return SenderTurn.TAKEN;
            }
            boolean sameWindow = found.get().window().filter(window::equals).isPresent();
            int count = sameWindow ? found.get().count() : 0;
            boolean noticed = sameWindow && found.get().noticed();
            SenderTurn outcome = count < allowed ? SenderTurn.TAKEN
                    : noticed ? SenderTurn.REFUSED : SenderTurn.REFUSED_FIRST;
            if (outcome != SenderTurn.REFUSED || !sameWindow) {
                Rows.update(connection, "UPDATE conversa_conversation SET turn_window = ?, turn_count = ?, "
                        + "turn_noticed = ?" + BY_KEY, window, outcome == SenderTurn.TAKEN ? count + 1 : count,
                        outcome != SenderTurn.TAKEN || noticed, row[0], row[1], row[2], row[3]);
            }
            return outcome;
        });
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
                    int granted = Math.max(0, Math.min(wanted, limit - spent));
                    if (granted > 0) {
                        Rows.update(connection, "UPDATE conversa_turn_window SET turns = turns + ? "
                                + "WHERE tenant = ? AND window_start = ?", granted, tenant.value(), window);
                    }
                    return granted;
                }));
    }
}
