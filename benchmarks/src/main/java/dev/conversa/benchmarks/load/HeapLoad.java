package dev.conversa.benchmarks.load;

import dev.conversa.Conversa;
import dev.conversa.benchmarks.Arguments;
import dev.conversa.benchmarks.db.BenchmarkDatabases;
import dev.conversa.benchmarks.db.BenchmarkDatabases.Kind;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.webhook.WebhookRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The heap a running {@link Conversa} keeps as distinct conversations accumulate: customers
 * write one message each, in steps, to one started instance answering through the Graph
 * stand-in; after each step (every customer answered once, checked) the driver drops its own
 * references to the step's webhooks and the stand-in's recorded requests, collects, and reads
 * the heap in use. With the JDBC stores only bounded caches may grow, so the heap stays flat;
 * with the in-memory stores, which hold every conversation by design, it grows by what a
 * conversation's records cost.
 *
 * <p>The H2 database runs inside this JVM, so its page cache (bounded by its {@code CACHE_SIZE})
 * is part of the figure; PostgreSQL runs in its own process.
 *
 * <pre>{@code
 * mvn -B -q package -pl benchmarks -am -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.conversa.benchmarks.load.HeapLoad stores=h2 conversations=100000
 * }</pre>
 *
 * <p>Options ({@code name=value}): {@code stores=h2} ({@code h2}, {@code postgresql} or
 * {@code memory}), {@code conversations=100000}, {@code step=10000}, {@code callers=8}, {@code
 * timeout=1800} (seconds to wait for a step's last reply). Always in fast mode (no quiet window,
 * no pacing).
 */
public final class HeapLoad {

    private HeapLoad() {}

    /**
     * Runs the driver.
     *
     * @param args the options
     * @throws Exception if a step loses or duplicates a reply, or times out
     */
    public static void main(String[] args) throws Exception {
        run(Options.parse(args));
    }

    /** Runs the steps; one line each, printed as it is taken. */
    static List<Step> run(Options options) throws Exception {
        List<Step> steps = new ArrayList<>();
        try (BenchmarkDatabases databases = new BenchmarkDatabases(32, true);
                GraphStandIn graph = GraphStandIn.start()) {
            Stores stores = options.stores().equals("memory") ? InMemoryStores.create()
                    : databases.fresh(Kind.valueOf(options.stores().toUpperCase(Locale.ROOT))).stores();
            try (Conversa conversa = EndToEndLoad.conversa(stores, graph, true, 0)) {
                conversa.start();
                long before = EndToEndLoad.heapAfterGc();
                for (int done = 0; done < options.conversations(); done += options.step()) {
                    int count = Math.min(options.step(), options.conversations() - done);
                    long started = System.nanoTime();
                    List<WebhookRequest> webhooks = EndToEndLoad.sign("heap", done, count);
                    EndToEndLoad.drive(conversa, webhooks, options.callers());
                    webhooks = null;
                    EndToEndLoad.awaitReplies(graph, count, options.timeout());
                    EndToEndLoad.checkOnePerCustomer(graph, count);
                    graph.clear();
                    double seconds = (System.nanoTime() - started) / 1e9;
                    Step step = new Step(options.stores(), done + count, before, EndToEndLoad.heapAfterGc(),
                            count / seconds);
                    System.out.println(step);
                    steps.add(step);
                }
            }
        }
        return steps;
    }

    /** What to run. */
    record Options(String stores, int conversations, int step, int callers, Duration timeout) {

        static Options parse(String... args) {
            Map<String, String> values = Arguments.parse(Map.of("stores", "h2", "conversations", "100000",
                    "step", "10000", "callers", "8", "timeout", "1800"), args);
            String stores = Arguments.oneOf(values, "stores", "h2", "postgresql", "memory");
            return new Options(stores, Integer.parseInt(values.get("conversations")),
                    Integer.parseInt(values.get("step")), Integer.parseInt(values.get("callers")),
                    Duration.ofSeconds(Long.parseLong(values.get("timeout"))));
        }
    }

    /** The heap after one step. */
    record Step(String stores, int conversations, long heapBeforeBytes, long heapBytes, double repliesPerSecond) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s stores, %,d conversations answered: heap in use after GC %,.1f MB "
                    + "(%,.1f MB when started), %,.0f bytes per conversation over the start; this step %,.0f replies/s",
                    stores, conversations, heapBytes / 1e6, heapBeforeBytes / 1e6,
                    (double) (heapBytes - heapBeforeBytes) / conversations, repliesPerSecond);
        }
    }
}
