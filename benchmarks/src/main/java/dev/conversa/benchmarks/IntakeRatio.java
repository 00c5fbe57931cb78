package dev.conversa.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The intake CPU path's ratios to the bare baseline, measured in pairs so that the machine's
 * changes of speed cancel out. On a small shared machine the speed moves by a third from one
 * second to the next, and JMH, which measures one benchmark after the other, turns that into
 * error bars as wide as the ratios. Here each round times a short block (200 operations) of each
 * path back to back, on a new handler, over the same kind of fresh requests of
 * {@link WebhookIntakeBenchmark} (whose setup checks that the handler answers 200 and appends the
 * expected events), in an order that turns each round; a round's ratio is its two blocks' times divided, and the result is the
 * median of the rounds' ratios with its interquartile range. Each payload runs in JVMs of its
 * own ({@code forks} of them, one line each).
 *
 * <p>Run, from the repository root:
 *
 * <pre>{@code
 * mvn -B -q package -pl benchmarks -am -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.conversa.benchmarks.IntakeRatio
 * }</pre>
 *
 * <p>Options ({@code name=value}): {@code payloads=whatsappText,whatsappStatuses,
 * whatsapp20Messages,messengerText}, {@code rounds=400}, {@code block=200} (operations per path
 * and round; a handler's cache of recent events costs more the more it holds, so the same block
 * compares runs), {@code warmup=10} (seconds per payload, every path in turn, before the rounds),
 * {@code forks=3} (JVMs per payload; 0 runs them all in this one), {@code parts=false} (true: also
 * time, in the same rounds, parts of the path against the same baseline: {@code tokens} reads the
 * body with Jackson's streaming parser and makes every string value, the least any reader of the
 * JSON does; {@code tree} is the handler's parse alone; {@code normalized} that parse and the
 * channel's normalizing), {@code handler=fresh} ({@code fresh}: a new handler each round, its
 * table of bodies empty; {@code kept}: one handler for the run, the round's requests signed anew,
 * so its table of bodies fills as a server's does after a while).
 */
public final class IntakeRatio {

    /** Keeps the results out of the optimizer's reach. */
    private static volatile Object sink;

    private IntakeRatio() {}

    /**
     * Runs every payload the options name, printing each one's ratios as it ends.
     *
     * @param args options as {@code name=value}
     * @throws Exception if a setup fails
     */
    public static void main(String... args) throws Exception {
        Map<String, String> values = Arguments.parse(Map.of("payloads",
                "whatsappText,whatsappStatuses,whatsapp20Messages,messengerText", "rounds", "400", "block", "200",
                "warmup", "10", "forks", "3", "parts", "false", "handler", "fresh"), args);
        int rounds = Integer.parseInt(values.get("rounds"));
        int block = Integer.parseInt(values.get("block"));
        double warmup = Double.parseDouble(values.get("warmup"));
        String[] payloads = values.get("payloads").split(",");
        int forks = Integer.parseInt(values.get("forks"));
        boolean parts = Arguments.flag(values, "parts");
        boolean kept = Arguments.oneOf(values, "handler", "fresh", "kept").equals("kept");
        if (forks == 0) {
            for (String payload : payloads) {
                System.out.println(run(payload.trim(), rounds, block, warmup, parts, kept));
            }
            return;
        }
        for (String payload : payloads) {
            for (int fork = 0; fork < forks; fork++) {
                forked(payload.trim(), values);
            }
        }
    }

    /**
     * Runs one payload in a JVM of its own, as JMH forks: what the JIT makes of the paths differs
     * from one JVM to the next (Messenger text: 1.35 and 1.74 in two), and after another payload.
     * A fork that has not ended within an hour is stopped and fails the run.
     */
    private static void forked(String payload, Map<String, String> values) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), IntakeRatio.class.getName(),
                "payloads=" + payload, "forks=0"));
        values.forEach((name, value) -> {
            if (!name.equals("payloads") && !name.equals("forks")) {
                command.add(name + "=" + value);
            }
        });
        Process fork = new ProcessBuilder(command).inheritIO().start();
        if (!fork.waitFor(1, TimeUnit.HOURS)) {
            fork.destroyForcibly();
            throw new IllegalStateException(payload + ": the forked run did not end within an hour");
        }
        if (fork.exitValue() != 0) {
            throw new IllegalStateException(payload + ": the forked run ended with exit code " + fork.exitValue());
        }
    }

    /**
     * Measures one payload.
     *
     * @param payload one of {@link WebhookIntakeBenchmark#payload}'s values
     * @param rounds how many pairs of blocks to time
     * @param block operations per path per round, each round on a new handler: a fixed number, as
     *     the handler's cache of recent events costs more the more it holds
     * @param warmupSeconds how long to run the paths before timing them
     * @return the ratios
     * @throws Exception if the setup fails
     */
    static Result run(String payload, int rounds, int block, double warmupSeconds) throws Exception {
        return run(payload, rounds, block, warmupSeconds, false, false);
    }

    static Result run(String payload, int rounds, int block, double warmupSeconds, boolean parts, boolean kept)
            throws Exception {
        WebhookIntakeBenchmark bench = new WebhookIntakeBenchmark();
        bench.payload = payload;
        bench.tree = "shared";
        bench.signRequests();
        List<Supplier<Object>> paths = new ArrayList<>(List.of(bench::baseline, bench::newEvent, bench::redelivery));
        List<String> partNames = parts ? List.of("tokens", "tree", "normalized") : List.of();
        int firstPart = paths.size();
        if (parts) {
            IntakeParts intakeParts = new IntakeParts(bench);
            paths.addAll(List.of(intakeParts::tokens, intakeParts::tree, intakeParts::normalized));
        }

        bench.newHandler();
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        do {
            nextRound(bench, block, kept);
            timeBlocks(bench, paths, block, 0, new long[paths.size()]);
        } while (System.nanoTime() < warmupEnd);

        double[][] ratios = new double[paths.size()][rounds];
        for (int round = 0; round < rounds; round++) {
            nextRound(bench, block, kept);
            long[] appended = new long[paths.size()];
            long[] nanos = timeBlocks(bench, paths, block, round, appended);
            // newEvent's block only: a kept handler may have forgotten the redelivered body by its block
            if (appended[1] != (long) block * bench.eventsPerRequest()) {
                throw new IllegalStateException(payload + ": round " + round + " appended " + appended[1] + " events, "
                        + "expected " + block * bench.eventsPerRequest() + ": it did not measure new events");
            }
            for (int path = 1; path < paths.size(); path++) {
                ratios[path][round] = (double) nanos[path] / nanos[0];
            }
        }
        Map<String, double[]> partRatios = new LinkedHashMap<>();
        for (int part = 0; part < partNames.size(); part++) {
            partRatios.put(partNames.get(part), quartiles(ratios[firstPart + part]));
        }
        return new Result(payload, rounds, block, quartiles(ratios[1]), quartiles(ratios[2]), partRatios);
    }

    /**
     * Readies a round: a new handler, to which the pool's requests are new ({@code fresh}), or the
     * same handler and {@code block} requests signed anew ({@code kept}): its tables then fill as a
     * running server's do, with whatever that costs a lookup.
     */
    private static void nextRound(WebhookIntakeBenchmark bench, int block, boolean kept) {
        if (kept) {
            bench.renewRequests(block);
        } else {
            bench.newHandler();
        }
    }

    /**
     * Times a block of each path, starting with the one the round turns to; the times in the
     * paths' order. Before each block the block's request bodies are read, so every path starts
     * with them in the processor's cache (as a handler starts with a body it has just received):
     * otherwise the path timed after another that read the same bodies ran on warm data and the
     * first on cold, and the ratios split into two groups by the order of the round. The events
     * each block appended go into {@code appended}, in the paths' order.
     */
    private static long[] timeBlocks(WebhookIntakeBenchmark bench, List<Supplier<Object>> paths, int block,
            int round, long[] appended) {
        long[] nanos = new long[paths.size()];
        for (int k = 0; k < paths.size(); k++) {
            int path = (round + k) % paths.size();
            Supplier<Object> op = paths.get(path);
            sink = bench.touch(block);
            long before = bench.appended();
            long start = System.nanoTime();
            for (int i = 0; i < block; i++) {
                sink = op.get();
            }
            nanos[path] = System.nanoTime() - start;
            appended[path] = bench.appended() - before;
        }
        return nanos;
    }

    private static double[] quartiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new double[] {at(sorted, 0.25), at(sorted, 0.5), at(sorted, 0.75)};
    }

    private static double at(double[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * (sorted.length - 1)))];
    }

    /**
     * One payload's ratios.
     *
     * @param payload the payload
     * @param rounds the rounds timed
     * @param block operations per path per round
     * @param newEvent the first quartile, median and third quartile of {@code newEvent / baseline}
     * @param redelivery the same of {@code redelivery / baseline}
     */
    record Result(String payload, int rounds, int block, double[] newEvent, double[] redelivery,
            Map<String, double[]> parts) {

        @Override
        public String toString() {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: newEvent/baseline %.2f (IQR "
                    + "%.2f-%.2f), redelivery/baseline %.2f (IQR %.2f-%.2f)", payload, newEvent[1], newEvent[0],
                    newEvent[2], redelivery[1], redelivery[0], redelivery[2]));
            parts.forEach((name, ratio) -> line.append(String.format(Locale.ROOT, ", %s/baseline %.2f (IQR "
                    + "%.2f-%.2f)", name, ratio[1], ratio[0], ratio[2])));
            return line.append(String.format(Locale.ROOT, "; %d rounds of %d operations per path", rounds, block))
                    .toString();
        }
    }
}
