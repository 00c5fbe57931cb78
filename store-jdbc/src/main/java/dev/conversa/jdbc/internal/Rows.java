package dev.conversa.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading and binding the column types every store uses: instants and optional values. */
final class Rows {

    private Rows() {}

    static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }

    /** An instant as a timestamp column keeps it: to the microsecond, rounded as the databases round. */
    static Instant asStored(Instant instant) {
        return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    static Optional<Instant> optionalInstant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    static Optional<String> optionalText(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getString(column));
    }

    /** The values to bind for a statement whose parameters are {@code first}'s, then {@code more}. */
    static Object[] join(Object[] first, Object... more) {
        Object[] all = new Object[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i] instanceof Optional<?> optional ? optional.orElse(null) : values[i];
            if (value instanceof Instant instant) {
                setInstant(statement, i + 1, instant);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    static int update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            return statement.executeUpdate();
        }
    }

    static <T> List<T> query(Connection connection, String sql, Mapper<T> mapper, Object... values)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            try (ResultSet row = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (row.next()) {
                    result.add(mapper.map(row));
                }
                return result;
            }
        }
    }

    static <T> Optional<T> first(Connection connection, String sql, Mapper<T> mapper, Object... values)
            throws SQLException {
        return query(connection, sql, mapper, values).stream().findFirst();
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Shortens a diagnostic (worker name, failure reason) to its column's size. */
    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
