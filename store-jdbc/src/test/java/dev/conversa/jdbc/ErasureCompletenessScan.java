package dev.conversa.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Reads every text and binary value of every table the library owns ({@code conversa_*}), found
 * through the database's own catalogue, not a hand-kept list.
 */
final class ErasureCompletenessScan {

    private static final Set<String> TEXT_TYPES = Set.of("character varying", "varchar", "character", "char",
            "text", "character large object", "clob", "binary varying", "varbinary", "binary large object", "blob",
            "bytea", "json", "jsonb", "binary");

    private ErasureCompletenessScan() {}

    /** The library's tables and their text and binary columns, from {@code information_schema}. */
    static Map<String, List<String>> columns(DataSource dataSource) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT table_name, column_name, data_type FROM "
                        + "information_schema.columns WHERE LOWER(table_name) LIKE 'conversa%' AND LOWER(table_schema) "
                        + "IN ('public') ORDER BY table_name, ordinal_position")) {
            while (rows.next()) {
                if (TEXT_TYPES.contains(rows.getString("data_type").toLowerCase(Locale.ROOT))) {
                    columns.computeIfAbsent(rows.getString("table_name").toLowerCase(Locale.ROOT),
                            t -> new ArrayList<>()).add(rows.getString("column_name").toLowerCase(Locale.ROOT));
                }
            }
        }
        return columns;
    }

    /** Every value of those columns, prefixed with its table and column. */
    static List<String> values(DataSource dataSource) throws SQLException {
        List<String> values = new ArrayList<>();
        Map<String, List<String>> columns = columns(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, List<String>> table : columns.entrySet()) {
                for (String column : table.getValue()) {
                    try (ResultSet rows = statement.executeQuery("SELECT " + column + " FROM " + table.getKey())) {
                        while (rows.next()) {
                            Object value = rows.getObject(1);
                            if (value == null) {
                                continue;
                            }
                            String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                                    : rows.getString(1);
                            values.add(table.getKey() + "." + column + "=" + text);
                        }
                    }
                }
            }
        }
        return values;
    }
}
