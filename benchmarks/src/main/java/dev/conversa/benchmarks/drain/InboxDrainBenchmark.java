package dev.conversa.benchmarks.drain;

import dev.conversa.benchmarks.Arguments;
import dev.conversa.benchmarks.db.BenchmarkDatabases;
import dev.conversa.benchmarks.db.BenchmarkDatabases.Kind;
import dev.conversa.jdbc.JdbcStores;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How fast the JDBC inbox drains a large backlog compared to a small one: a claim must cost the
 * rows it looks at, not the size of the queue. For each database it drains a small backlog
 * (default 1,000 entries over 100 conversations) and a large one (default 100,000 over 10,000)
 * with the same workers, and prints both rates and their ratio. The small drain runs a few
 * times unmeasured first (the JIT warms up: the first drains are twice as slow), then as many
 * rounds before the large drain as after it (load on a shared machine changes), median taken.
 * A plain main rather than JMH: each measurement is one drain of a backlog that takes seconds
 * to minutes to build, and the two rates must come from the same run.
 *
 * <p>Run, from the repository root:
 *
 * <pre>{@code
 * mvn -B -q package -pl benchmarks -am -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.conversa.benchmarks.drain.InboxDrainBenchmark
 * }</pre>
 *
 * <p>Options ({@code name=value}): {@code databases=h2,postgresql}, {@code workers=4}, {@code
 * small=1000:100}, {@code large=100000:10000}, {@code warmups=3}, {@code rounds=3} (of the small
 * drain, before the large one and again after it), {@code largeTarget=} (stop the large drain
 * after that many entries, to time-box a slow claimer; the ratio is then not checked), {@code
 * maxRatio=2} (exit 1 when the small rate is more than that many times the large one; 0 to not
 * check).
 */
public final class InboxDrainBenchmark {

    private InboxDrainBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args options as {@code name=value}
     * @throws Exception if a drain fails or does not measure what it should
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Options options = Options.parse(args);
        List<Result> results = run(options);
        boolean slow = false;
        for (Result result : results) {
            slow |= options.maxRatio() > 0 && result.complete() && result.ratio() > options.maxRatio();
        }
        if (slow) {
            System.out.println("FAILED: a large backlog drains more than " + options.maxRatio() + "x slower");
            System.exit(1);
        }
    }

    /** Runs every drain the options ask for and returns one result per database. */
    static List<Result> run(Options options) throws Exception {
        List<Result> results = new ArrayList<>();
        try (BenchmarkDatabases databases = new BenchmarkDatabases(options.workers() + 2, false)) {
            for (Kind kind : options.databases()) {
                measure(databases, kind, options.small(), options.warmups(), options.workers(),
                        options.small().entries());
                List<Double> small = measure(databases, kind, options.small(), options.rounds(), options.workers(),
                        options.small().entries());
                String settings = databases.settings(kind);
                int target = options.largeTarget() > 0 ? options.largeTarget() : options.large().entries();
                double large = measure(databases, kind, options.large(), 1, options.workers(), target).get(0);
                small.addAll(measure(databases, kind, options.small(), options.rounds(), options.workers(),
                        options.small().entries()));
                Result result = new Result(kind, settings, options, median(small), large,
                        target == options.large().entries());
                System.out.println(result);
                results.add(result);
            }
        }
        return results;
    }

    private static List<Double> measure(BenchmarkDatabases databases, Kind kind, Size size, int rounds, int workers,
            int target) throws Exception {
        List<Double> rates = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            JdbcStores jdbc = databases.fresh(kind);
            Drain drain = new Drain(jdbc.stores().inbox(), size.entries(), size.conversations());
            drain.fill();
            rates.add(drain.drain(workers, target));
        }
        return rates;
    }

    private static double median(List<Double> rates) {
        double[] sorted = rates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    /** A backlog: entries spread over conversations. */
    record Size(int entries, int conversations) {
        static Size parse(String text) {
            String[] parts = text.split(":");
            return new Size(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d over %,d", entries, conversations);
        }
    }

    /** What to run. */
    record Options(List<Kind> databases, int workers, Size small, Size large, int warmups, int rounds,
            int largeTarget, double maxRatio) {

        static Options parse(String... args) {
            Map<String, String> values = Arguments.parse(Map.of("databases", "h2,postgresql", "workers", "4",
                    "small", "1000:100", "large", "100000:10000", "warmups", "3", "rounds", "3", "largeTarget", "0",
                    "maxRatio", "2"), args);
            return new Options(Arrays.stream(values.get("databases").split(","))
                    .map(name -> Kind.valueOf(name.toUpperCase(Locale.ROOT))).toList(),
                    Integer.parseInt(values.get("workers")), Size.parse(values.get("small")),
                    Size.parse(values.get("large")), Integer.parseInt(values.get("warmups")),
                    Integer.parseInt(values.get("rounds")),
                    Integer.parseInt(values.get("largeTarget")), Double.parseDouble(values.get("maxRatio")));
        }
    }

    /** The rates of one database. */
    record Result(Kind database, String settings, Options options, double smallRate, double largeRate,
            boolean complete) {

        /** How many times faster the small backlog drained. */
        double ratio() {
            return smallRate / largeRate;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s (%s), %d workers: small (%s) %,.1f entries/s (median of %d); "
                    + "large (%s%s) %,.1f entries/s; ratio %.2f", database, settings, options.workers(),
                    options.small(), smallRate, 2 * options.rounds(), options.large(),
                    complete ? "" : ", first " + options.largeTarget() + " entries", largeRate, ratio());
        }
    }
}
