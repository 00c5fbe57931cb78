package dev.conversa.examples.quickstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What {@link QuickStartKillTest} reports when an acknowledged message is missing: the rows the
 * database holds of it, read with plain SQL, and the server's warnings and errors, so that a
 * failure on a build machine whose files are gone still tells a lost commit (no inbox row) from
 * work the restarted process did not finish (a row left {@code CLAIMED} or {@code PENDING}).
 */
final class KillTestTrace {

    private static final int LOG_LINES = 12;

    private KillTestTrace() {}

    /**
     * Describes each message: its inbox row (status, attempts, worker, last error) or its absence,
     * and whether the message table holds it; then the last warnings and errors of the log.
     */
    static String of(Map<String, String> database, List<String> messageIds, Path log) {
        StringBuilder trace = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(database.get("CONVERSA_DB_URL"),
                database.getOrDefault("CONVERSA_DB_USER", "sa"), database.getOrDefault("CONVERSA_DB_PASSWORD", ""))) {
            for (String id : messageIds) {
                trace.append("\n  ").append(id).append(": inbox ").append(inboxRow(connection, id))
                        .append("; message rows ").append(count(connection,
                                "SELECT COUNT(*) FROM conversa_message WHERE message_id = ?", id));
            }
            trace.append("\n  inbox by status: ").append(grouped(connection,
                    "SELECT status, COUNT(*) FROM conversa_inbox GROUP BY status"));
            trace.append("\n  outbox by state: ").append(grouped(connection,
                    "SELECT state, COUNT(*) FROM conversa_outbox GROUP BY state"));
        } catch (SQLException e) {
            trace.append("\n  the database could not be read: ").append(e);
        }
        trace.append("\n  server log, last warnings and errors:");
        serverProblems(log).forEach(line -> trace.append("\n    ").append(line));
        return trace.toString();
    }

    private static String inboxRow(Connection connection, String externalId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT status, attempts, worker, last_error FROM conversa_inbox WHERE external_id = ?")) {
            statement.setString(1, externalId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return "absent";
                }
                return row.getString(1) + " attempts=" + row.getInt(2) + " worker=" + row.getString(3)
                        + " error=" + row.getString(4);
            }
        }
    }

    private static long count(Connection connection, String sql, String argument) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, argument);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String grouped(Connection connection, String sql) throws SQLException {
        List<String> groups = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                groups.add(rows.getString(1) + "=" + rows.getLong(2));
            }
        }
        return String.join(", ", groups);
    }

    private static List<String> serverProblems(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> problems = lines.filter(line -> line.contains("WARN") || line.contains("ERROR"))
                    .collect(Collectors.toList());
            return problems.subList(Math.max(0, problems.size() - LOG_LINES), problems.size());
        } catch (IOException e) {
            return List.of("(not readable: " + e + ")");
        }
    }
}
