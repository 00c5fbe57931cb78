package dev.conversa.jdbc.internal;

import dev.conversa.store.DeadLetter;
import dev.conversa.store.DeadLetterStore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Dead letters in {@code conversa_dead_letter}, in order of their generated id. They belong to
 * the Meta app rather than to a tenant, so no statement names one. The body is kept exactly
 * ({@code TEXT} on PostgreSQL, a CLOB on H2, whose {@code CHARACTER VARYING} is too short for a
 * full webhook body); object and reason are cut to their columns' sizes.
 */
public final class JdbcDeadLetterStore implements DeadLetterStore {

    private static final String INSERT = "INSERT INTO conversa_dead_letter (object, reason, body, received_at) "
            + "VALUES (?, ?, ?, ?)";

    private final Database database;
    private final Inserts inserts;

    /**
     * Creates the store.
     *
     * @param database the database
     */
    public JdbcDeadLetterStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.inserts = new Inserts(database.dialect());
    }

    @Override
    public DeadLetter record(String object, String reason, String body, Instant receivedAt) {
        String clippedObject = Rows.clip(Objects.requireNonNull(object, "object"), 200);
        String clippedReason = Rows.clip(Objects.requireNonNull(reason, "reason"), 1000);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(receivedAt, "receivedAt");
        long id = database.inTransaction("recording a dead letter", connection -> inserts.insertReturningId(
                connection, INSERT, clippedObject, clippedReason, body, receivedAt).orElseThrow());
        return new DeadLetter(id, clippedObject, clippedReason, body, receivedAt);
    }

    @Override
    public List<DeadLetter> list(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        return database.inTransaction("listing dead letters", connection -> Rows.query(connection,
                "SELECT id, object, reason, body, received_at FROM conversa_dead_letter ORDER BY id LIMIT ?",
                row -> new DeadLetter(row.getLong("id"), row.getString("object"), row.getString("reason"),
                        row.getString("body"), Rows.instant(row, "received_at")), limit));
    }

    @Override
    public boolean delete(long id) {
        return database.inTransaction("deleting a dead letter", connection -> Rows.update(connection,
                "DELETE FROM conversa_dead_letter WHERE id = ?", id) == 1);
    }

    @Override
    public int purge(Instant before) {
        Objects.requireNonNull(before, "before");
        return database.inTransaction("purging dead letters", connection -> Rows.update(connection,
                "DELETE FROM conversa_dead_letter WHERE received_at < ?", before));
    }
}
