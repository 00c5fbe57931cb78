package dev.conversa.benchmarks.db;

import dev.conversa.benchmarks.Arguments;
import dev.conversa.benchmarks.db.BenchmarkDatabases.Kind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * How many statements the benchmarks' PostgreSQL runs per second when the client does nearly
 * nothing else: the ceiling that statements per reply divide ({@code EndToEndLoad} reports those).
 * Callers on connections of their own run transactions of a few statements on one table of
 * 100,000 rows, each statement a read of a row by its key or an update of one row's counter,
 * alternately, as the stores' statements mostly are; every commit waits for the disk ({@code
 * fsync=on}). The same server settings as the load drivers ({@link BenchmarkDatabases}).
 *
 * <p>Run, from the repository root:
 *
 * <pre>{@code
 * mvn -B -q package -pl benchmarks -am -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.conversa.benchmarks.db.StatementRate
 * }</pre>
 *
 * <p>Options ({@code name=value}): {@code callers=8} (as {@code EndToEndLoad}'s workers), {@code
 * perTransaction=6} (statements before each commit; a reply has about 5.6), {@code seconds=10},
 * {@code rounds=2}, {@code perReply=35} (statements per reply, to print the bound).
 */
public final class StatementRate {

    private static final int ROWS = 100_000;

    private StatementRate() {}

    /**
     * Measures and prints each round.
     *
     * @param args options as {@code name=value}
     * @throws Exception if the database fails
     */
    public static void main(String... args) throws Exception {
        Options options = Options.parse(args);
        for (Round round : run(options)) {
            System.out.printf(Locale.ROOT, "%s: %,.0f statements/s and %,.0f commits/s over %d callers, %d "
                    + "statements a transaction; at %d statements per reply, at most %,.0f replies/s%n",
                    round.settings(), round.statementsPerSecond(), round.commitsPerSecond(), options.callers(),
                    options.perTransaction(), options.perReply(), round.statementsPerSecond() / options.perReply());
        }
    }

    /** Runs the rounds on one fresh database. */
    static List<Round> run(Options options) throws Exception {
        try (BenchmarkDatabases databases = new BenchmarkDatabases(options.callers() + 1, true)) {
            databases.fresh(Kind.POSTGRESQL);
            DataSource database = databases.newest();
            try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE rate_row (id INT PRIMARY KEY, counter BIGINT, body TEXT)");
                statement.execute("INSERT INTO rate_row SELECT g, 0, repeat('x', 100) FROM generate_series(1, " + ROWS
                        + ") g");
                statement.execute("ANALYZE rate_row");
            }
            String settings = databases.settings(Kind.POSTGRESQL);
            List<Round> rounds = new ArrayList<>();
            for (int round = 0; round < options.rounds(); round++) {
                rounds.add(round(database, options, settings));
            }
            return rounds;
        }
    }

    private static Round round(DataSource database, Options options, String settings) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(options.callers());
        try {
            long start = System.nanoTime();
            long end = start + (long) (options.seconds() * 1e9);
            int rowsEach = ROWS / options.callers();
            List<Future<long[]>> counts = new ArrayList<>();
            for (int caller = 0; caller < options.callers(); caller++) {
                int first = caller * rowsEach;
                counts.add(callers.submit(() -> transactions(database, options.perTransaction(), first, rowsEach,
                        end)));
            }
            long statements = 0;
            long commits = 0;
            for (Future<long[]> count : counts) {
                long[] done = count.get(10, TimeUnit.MINUTES);
                statements += done[0];
                commits += done[1];
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Round(settings, statements / seconds, commits / seconds);
        } finally {
            callers.shutdownNow();
        }
    }

    /** One caller's transactions on its own rows until the end; its statements and commits. */
    private static long[] transactions(DataSource database, int perTransaction, int first, int rows, long end)
            throws SQLException {
        long statements = 0;
        long commits = 0;
        try (Connection connection = database.getConnection();
                PreparedStatement read = connection.prepareStatement("SELECT counter, body FROM rate_row WHERE id = ?");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE rate_row SET counter = counter + 1 WHERE id = ?")) {
            connection.setAutoCommit(false);
            while (System.nanoTime() < end) {
                for (int i = 0; i < perTransaction; i++) {
                    int id = first + (int) (statements % rows) + 1;
                    if (i % 2 == 0) {
                        read.setInt(1, id);
                        try (ResultSet row = read.executeQuery()) {
                            if (!row.next()) {
                                throw new IllegalStateException("row " + id + " is missing");
                            }
                        }
                    } else {
                        update.setInt(1, id);
                        if (update.executeUpdate() != 1) {
                            throw new IllegalStateException("row " + id + " was not updated");
                        }
                    }
                    statements++;
                }
                connection.commit();
                commits++;
            }
            connection.setAutoCommit(true);
        }
        return new long[] {statements, commits};
    }

    /**
     * One round's rates.
     *
     * @param settings the server's version and durability settings
     * @param statementsPerSecond statements per second, all callers together
     * @param commitsPerSecond commits per second
     */
    record Round(String settings, double statementsPerSecond, double commitsPerSecond) {
    }

    /** What to run. */
    record Options(int callers, int perTransaction, double seconds, int rounds, int perReply) {

        static Options parse(String... args) {
            Map<String, String> values = Arguments.parse(Map.of("callers", "8", "perTransaction", "6", "seconds",
                    "10", "rounds", "2", "perReply", "35"), args);
            Options options = new Options(Integer.parseInt(values.get("callers")),
                    Integer.parseInt(values.get("perTransaction")), Double.parseDouble(values.get("seconds")),
                    Integer.parseInt(values.get("rounds")), Integer.parseInt(values.get("perReply")));
            if (options.callers() < 1 || options.perTransaction() < 1 || options.rounds() < 1
                    || options.perReply() < 1 || !(options.seconds() > 0)) {
                throw new IllegalArgumentException("callers, perTransaction, rounds, perReply and seconds must be "
                        + "positive");
            }
            return options;
        }
    }
}
