package dev.conversa.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * Inserts that skip rows whose unique key already exists, in the way each dialect allows:
 * {@code ON CONFLICT DO NOTHING} on PostgreSQL (where a failed statement would abort the
 * transaction), a caught duplicate-key error on H2 (where it does not).
 */
final class Inserts {

    private final Dialect dialect;

    Inserts(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Inserts a row unless one with the same unique key exists.
     *
     * @return true if inserted
     */
    boolean insertIfAbsent(Connection connection, String sql, Object... values) throws SQLException {
        if (dialect.insertsOnConflict()) {
            return Rows.update(connection, sql + " ON CONFLICT DO NOTHING", values) == 1;
        }
        try {
            return Rows.update(connection, sql, values) == 1;
        } catch (SQLException e) {
            if (Database.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Inserts a row with a generated {@code id} unless one with the same unique key exists.
     *
     * @return the new row's id, or empty if it existed
     */
    OptionalLong insertReturningId(Connection connection, String sql, Object... values) throws SQLException {
        String statementSql = dialect.insertsOnConflict() ? sql + " ON CONFLICT DO NOTHING" : sql;
        String idColumn = dialect == Dialect.H2 ? "ID" : "id";
        try (PreparedStatement statement = connection.prepareStatement(statementSql, new String[] {idColumn})) {
            Rows.bind(statement, values);
            if (statement.executeUpdate() == 0) {
                return OptionalLong.empty();
            }
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return OptionalLong.of(keys.getLong(1));
            }
        } catch (SQLException e) {
            if (!dialect.insertsOnConflict() && Database.isDuplicateKey(e)) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }
}
