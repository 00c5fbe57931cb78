package dev.conversa.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done on one connection inside {@link Database}; the connection must not escape it.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface SqlWork<T> {

    /**
     * Runs the work.
     *
     * @param connection the connection, open for the duration of the call only
     * @return the result
     * @throws SQLException on database errors
     */
    T run(Connection connection) throws SQLException;
}
