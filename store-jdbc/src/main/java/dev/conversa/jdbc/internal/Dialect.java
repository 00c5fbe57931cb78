package dev.conversa.jdbc.internal;

import dev.conversa.lang.ConversaException;
import java.util.Locale;
import java.util.Optional;

/**
 * The databases the stores speak to, with the few statements that differ between them. Both
 * run at READ COMMITTED and both skip conversations another claimer holds ({@code FOR UPDATE
 * SKIP LOCKED}, which H2 2.x supports as well; tested with H2 2.5).
 */
public enum Dialect {
    /** H2 2.x, the embedded default. */
    H2("h2"),
    /** PostgreSQL 12 or later. */
    POSTGRESQL("postgresql");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /**
     * Finds the dialect of a database product name from JDBC metadata.
     *
     * @param productName such as {@code "H2"} or {@code "PostgreSQL"}
     * @return the dialect
     * @throws ConversaException if the database is neither
     */
    public static Dialect ofProduct(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.equals("h2")) {
            return H2;
        }
        if (name.contains("postgresql")) {
            return POSTGRESQL;
        }
        throw new ConversaException("unsupported database '" + productName + "': use H2 2.x or PostgreSQL");
    }

    /**
     * The classpath folder of this dialect's migration scripts.
     *
     * @return such as {@code db/migration/h2}
     */
    public String migrationFolder() {
        return "db/migration/" + folder;
    }

    /**
     * The statement that keeps two migrations from running at once, for the length of the
     * transaction: an advisory lock on PostgreSQL; none on H2, whose embedded database belongs
     * to one process.
     *
     * @return the statement, if the dialect has one
     */
    Optional<String> migrationLock() {
        return this == POSTGRESQL ? Optional.of("SELECT pg_advisory_xact_lock(7305412391)") : Optional.empty();
    }

    /**
     * Tells whether an insert may carry {@code ON CONFLICT DO NOTHING}; otherwise a duplicate
     * key is caught, which H2 allows without aborting the transaction.
     *
     * @return true for PostgreSQL
     */
    boolean insertsOnConflict() {
        return this == POSTGRESQL;
    }

    /**
     * An update that reads the rows it changed as they are after it, in one round trip instead
     * of an update and a read: {@code RETURNING} on PostgreSQL, a data change delta table
     * ({@code FINAL TABLE}) on H2.
     *
     * @param update the {@code UPDATE} statement
     * @param columns the columns to read, comma separated
     * @return the statement to run as a query
     */
    String updateReturning(String update, String columns) {
        return this == POSTGRESQL ? update + " RETURNING " + columns
                : "SELECT " + columns + " FROM FINAL TABLE (" + update + ")";
    }
}
