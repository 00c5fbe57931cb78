package dev.conversa.jdbc.internal;

import dev.conversa.lang.ConversaException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Applies the versioned scripts under {@code db/migration/<dialect>/V<n>__<name>.sql} that the
 * database has not seen yet and records them in {@code conversa_schema_version}, all in one
 * transaction. On PostgreSQL the transaction first takes an advisory lock, so instances
 * starting together migrate one after the other, and a failing script leaves the schema as it
 * was (DDL is transactional there). The scripts are plain SQL in Flyway's naming, so hosts that
 * run Flyway or Liquibase can apply them with their own tool instead.
 *
 * <p>Thread-safe.
 */
public final class Migrator {

    /** The scripts of this release, in order: version and description. */
    private static final List<Script> SCRIPTS = List.of(new Script(1, "init"), new Script(2, "consent_and_deletion"),
            new Script(3, "delivery"), new Script(4, "handoff_flag"), new Script(5, "retention"),
            new Script(6, "erasure"), new Script(8, "app_user"),
            new Script(9, "agents"),
            new Script(10, "agent_replies_and_sla"), new Script(11, "handoff_events"), new Script(12, "business_account"),
            new Script(13, "contact_former_ids"), new Script(14, "contact_username_key"),
            new Script(15, "turn_budget"));

    private final Database database;
    private final Clock clock;

    /**
     * Creates the migrator.
     *
     * @param database the database
     * @param clock the clock for the install time
     */
    public Migrator(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Brings the schema to the newest version.
     *
     * @return the versions applied now, empty when the schema was current
     * @throws ConversaException if a script fails
     */
    public List<Integer> migrate() {
        return database.inTransaction("migrating the schema", connection -> {
            try (Statement statement = connection.createStatement()) {
                Optional<String> lock = database.dialect().migrationLock();
                if (lock.isPresent()) {
                    statement.execute(lock.get());
                }
                statement.execute("CREATE TABLE IF NOT EXISTS conversa_schema_version ("
                        + "version INTEGER PRIMARY KEY, description VARCHAR(200) NOT NULL, "
                        + "installed_at TIMESTAMP WITH TIME ZONE NOT NULL)");
                List<Integer> applied = new ArrayList<>();
                for (Script script : SCRIPTS) {
                    if (!isApplied(connection, script.version())) {
                        for (String sql : statements(script)) {
                            statement.execute(sql);
                        }
                        Rows.update(connection, "INSERT INTO conversa_schema_version (version, description, "
                                + "installed_at) VALUES (?, ?, ?)", script.version(), script.description(),
                                clock.instant());
                        applied.add(script.version());
                    }
                }
                return List.copyOf(applied);
            }
        });
    }

    private static boolean isApplied(Connection connection, int version) throws SQLException {
        return Rows.first(connection, "SELECT 1 FROM conversa_schema_version WHERE version = ?", row -> true, version)
                .isPresent();
    }

    private List<String> statements(Script script) {
        String path = database.dialect().migrationFolder() + "/V" + script.version() + "__" + script.description()
                + ".sql";
        try (InputStream in = Migrator.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new ConversaException("migration script " + path + " is missing from the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String withoutComments = text.lines().filter(line -> !line.strip().startsWith("--"))
                    .collect(Collectors.joining("\n"));
            List<String> statements = new ArrayList<>();
            for (String sql : withoutComments.split(";")) {
                if (!sql.isBlank()) {
                    statements.add(sql.strip());
                }
            }
            return statements;
        } catch (IOException e) {
            throw new ConversaException("cannot read migration script " + path, e);
        }
    }

    private record Script(int version, String description) {}
}
