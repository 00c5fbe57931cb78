package dev.conversa.benchmarks.load;

import dev.conversa.Conversa;
import dev.conversa.benchmarks.Arguments;
import dev.conversa.benchmarks.db.BenchmarkDatabases;
import dev.conversa.benchmarks.db.BenchmarkDatabases.Kind;
import dev.conversa.channel.ChannelAccount;
import dev.conversa.graph.GraphClient;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import dev.conversa.respond.RulesResponder;
import dev.conversa.respond.TurnBudget;
import dev.conversa.store.Stores;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.RecordedRequest;
import dev.conversa.testkit.whatsapp.WhatsAppCustomer;
import dev.conversa.testkit.whatsapp.WhatsAppMessage;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
import dev.conversa.webhook.WebhookRequest;
import dev.conversa.whatsapp.WhatsAppChannel;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End to end under load: signed WhatsApp texts from many customers (one message each) handed to
 * a started {@link Conversa} on {@code JdbcStores}, answered by the rules responder through the
 * real outbox and GraphClient to a Graph stand-in on loopback. It measures, on the same database
 * kind in one run:
 *
 * <ul>
 *   <li>intake alone: the webhooks acknowledged per second with no worker running;
 *   <li>end to end: replies per second from the first webhook to the last reply, and the intake
 *       rate while the workers run; the processor time per reply of this JVM and, on PostgreSQL,
 *       of the server's processes; on PostgreSQL also the commits, the transactions begun and the statements per reply,
 *       as the database counted them;
 *   <li>the heap in use after collections once every reply is sent, with the instance still
 *       running ({@code conversations=100000} shows whether anything keeps every conversation
 *       in memory: with the JDBC stores, only bounded caches may grow).
 * </ul>
 *
 * <p>{@code mode=fast} turns the burst quiet window off and lifts WhatsApp's pacing (what the
 * machine can do); {@code mode=defaults} keeps both (1.5 s quiet window, 80 messages per second
 * per number: the throughput is what pacing allows). Each run checks that every customer got
 * exactly one reply: zero lost, zero duplicated.
 *
 * <p>Run, from the repository root:
 *
 * <pre>{@code
 * mvn -B -q package -pl benchmarks -am -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.conversa.benchmarks.load.EndToEndLoad
 * }</pre>
 *
 * <p>Options ({@code name=value}): {@code databases=postgresql,h2}, {@code conversations=2000},
 * {@code callers=8}, {@code workers=} (the builder's concurrency; empty for its default), {@code
 * mode=fast}, {@code timeout=120} (seconds to wait for the last reply), {@code statements=0} (on
 * PostgreSQL, print the statements it spent the most time on end to end, from {@code
 * pg_stat_statements}), {@code planning=false} (true: PostgreSQL also counts planning, which the
 * statements then show), {@code webhooksFirst=true} (false: the workers keep their concurrency
 * while the webhooks arrive, {@code Conversa.Builder.webhooksFirst}), {@code warmup=2000} (customers
 * answered end to end on a database of their own before anything is measured; 0 measures a cold
 * JVM, whose intake alone is slower, which flatters the share intake keeps beside the workers), {@code
 * connections=32} (the size of the database's connection pool).
 */
public final class EndToEndLoad {

    private static final Secret APP_SECRET = Secret.of("e2e-load-app-secret");
    private static final TenantId TENANT = TenantId.of("load");
    private static final String ANSWER = "Thanks, we got your message.";
    private static final Pattern RECIPIENT = Pattern.compile("\"to\"\\s*:\\s*\"(\\d+)\"");

    private EndToEndLoad() {}

    /**
     * Runs the load.
     *
     * @param args options as {@code name=value}
     * @throws Exception if a run fails or loses or duplicates a reply
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        run(Options.parse(args));
    }

    /** Runs every database the options name, printing each one's result as it ends; one result each. */
    static List<Result> run(Options options) throws Exception {
        List<Result> results = new ArrayList<>();
        try (BenchmarkDatabases databases = new BenchmarkDatabases(options.connections(), true);
                GraphStandIn graph = GraphStandIn.start()) {
            if (options.planning()) {
                databases.trackPlanning();
            }
            for (Kind kind : options.databases()) {
                if (options.warmup() > 0) {
                    warmUp(databases, kind, graph, options);
                }
                double alone;
                try (Conversa conversa = conversa(databases, kind, graph, options)) {
                    alone = drive(conversa, sign("alone", options.conversations()), options.callers());
                }
                String settings = databases.settings(kind);
                graph.clear();
                List<WebhookRequest> webhooks = sign("e2e", options.conversations());
                double intake;
                long heap;
                PerReply perReply;
                long started;
                long lastReply;
                try (Conversa conversa = conversa(databases, kind, graph, options)) {
                    if (kind == Kind.POSTGRESQL) {
                        databases.resetStatements();
                    }
                    Counts before = Counts.now(databases, kind);
                    conversa.start();
                    started = System.nanoTime();
                    intake = drive(conversa, webhooks, options.callers());
                    lastReply = awaitReplies(graph, options.conversations(), options.timeout());
                    perReply = Counts.now(databases, kind).since(before, databases, kind, options.conversations());
                    heap = heapAfterGc();
                }
                checkOnePerCustomer(graph, options.conversations());
                List<String> statements = kind == Kind.POSTGRESQL && options.statements() > 0
                        ? databases.statements(options.statements()) : List.of();
                Result result = new Result(kind, settings, options, alone, intake,
                        options.conversations() / ((lastReply - started) / 1e9), heap, perReply, statements);
                System.out.println(result);
                results.add(result);
            }
        }
        return results;
    }

    /**
     * Answers {@code warmup} customers end to end on a database of their own, so that the
     * measured run finds the JIT's work on these paths done, as in a server that has run a while
     * (on a cold JVM of 2 cores the compiler threads took nearly a third of the JVM's CPU through a
     * whole run of 3,000 conversations).
     */
    private static void warmUp(BenchmarkDatabases databases, Kind kind, GraphStandIn graph, Options options)
            throws Exception {
        try (Conversa conversa = conversa(databases, kind, graph, options)) {
            conversa.start();
            drive(conversa, sign("warmup", options.warmup()), options.callers());
            awaitReplies(graph, options.warmup(), options.timeout());
        }
        graph.clear();
    }

    private static Conversa conversa(BenchmarkDatabases databases, Kind kind, GraphStandIn graph, Options options) {
        return conversa(databases.fresh(kind).stores(), graph, options.fast(), options.workers(),
                options.webhooksFirst());
    }

    /**
     * An instance on the stores answering every customer through the stand-in, registered and not
     * started; {@code fast} turns the quiet window and WhatsApp's pacing off; {@code workers} 0 for
     * the builder's default.
     */
    static Conversa conversa(Stores stores, GraphStandIn graph, boolean fast, int workers) {
        return conversa(stores, graph, fast, workers, true);
    }

    private static Conversa conversa(Stores stores, GraphStandIn graph, boolean fast, int workers,
            boolean webhooksFirst) {
        WhatsAppChannel.Builder channel = WhatsAppChannel.builder();
        Conversa.Builder builder = Conversa.builder()
                .appSecret(APP_SECRET)
                .verifyToken(Secret.of("verify"))
                .stores(stores)
                .responder(RulesResponder.builder().fallback(ANSWER).build())
                .graphClient(GraphClient.builder().baseUrl(graph.baseUrl()).allowInsecureLoopbackForTests(true)
                        .build())
                .pollInterval(Duration.ofMillis(20))
                .webhooksFirst(webhooksFirst)
                // every conversation is a customer of one tenant: the default 5,000 turns per tenant
                // and window would cap a run of more conversations
                .turnBudget(TurnBudget.builder().perTenant(Integer.MAX_VALUE).build());
        if (fast) {
            channel.messagesPerSecond(1_000_000);
            builder.burstQuietWindow(Duration.ZERO).burstMaxWait(Duration.ZERO);
        }
        if (workers > 0) {
            builder.concurrency(workers);
        }
        Conversa conversa = builder.channel(channel.build()).build();
        conversa.registerAccount(ChannelAccount.of(TENANT, ChannelType.WHATSAPP, WhatsAppWebhook.PHONE_NUMBER_ID,
                Secret.of("token")));
        return conversa;
    }

    /** Webhooks acknowledged per second; fails unless every one was answered 200. */
    static double drive(Conversa conversa, List<WebhookRequest> webhooks, int callers) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            running.add(threads.submit(() -> {
                for (int i = next.getAndIncrement(); i < webhooks.size(); i = next.getAndIncrement()) {
                    if (conversa.webhooks().handle(webhooks.get(i)).status() != 200) {
                        refused.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> caller : running) {
            caller.get(10, TimeUnit.MINUTES);
        }
        double rate = webhooks.size() / ((System.nanoTime() - start) / 1e9);
        threads.shutdown();
        if (refused.get() > 0) {
            throw new IllegalStateException(refused.get() + " webhooks were not answered 200");
        }
        return rate;
    }

    /** Transactions committed so far in the newest PostgreSQL database (its statistics); 0 on H2. */
    private static long committed(BenchmarkDatabases databases, Kind kind) throws SQLException {
        if (kind != Kind.POSTGRESQL) {
            return 0;
        }
        try (Connection connection = databases.newest().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet row = statement.executeQuery(
                    "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The heap in use after collections, with the started instance and its caches still alive. */
    static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            memory.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /**
     * Waits for that many message sends; returns when the last one arrived. It looks at the new
     * requests only, every 20 ms: rescanning every request every few milliseconds took a fifth
     * of the process's CPU from the instance it measures.
     */
    static long awaitReplies(GraphStandIn graph, int expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        int scanned = 0;
        long lastChange = System.nanoTime();
        while (seen < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + seen + " of " + expected + " replies within " + timeout);
            }
            List<RecordedRequest> all = graph.requests();
            int now = seen + (int) all.subList(scanned, all.size()).stream().filter(EndToEndLoad::isReply).count();
            scanned = all.size();
            if (now != seen) {
                seen = now;
                lastChange = System.nanoTime();
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return lastChange;
    }

    static void checkOnePerCustomer(GraphStandIn graph, int customers) {
        Map<String, Integer> perCustomer = new HashMap<>();
        for (RecordedRequest send : sends(graph)) {
            Matcher to = RECIPIENT.matcher(send.body());
            if (!to.find()) {
                throw new IllegalStateException("a send without a recipient");
            }
            perCustomer.merge(to.group(1), 1, Integer::sum);
        }
        long twice = perCustomer.values().stream().filter(n -> n > 1).count();
        if (perCustomer.size() != customers || twice > 0) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "%d of %d customers answered, %d of them more than once", perCustomer.size(), customers, twice));
        }
    }

    private static List<RecordedRequest> sends(GraphStandIn graph) {
        return graph.requests().stream().filter(EndToEndLoad::isReply).toList();
    }

    /** A text sent to a customer: a reply, not a read mark. */
    private static boolean isReply(RecordedRequest request) {
        return request.method().equals("POST") && request.path().endsWith("/messages")
                && request.body().contains("\"text\"") && !request.body().contains("\"status\":\"read\"");
    }

    private static List<WebhookRequest> sign(String prefix, int customers) {
        return sign(prefix, 0, customers);
    }

    /** Signed texts, timed now, from customers {@code first} to {@code first + count - 1}. */
    static List<WebhookRequest> sign(String prefix, int first, int count) {
        Instant now = Instant.now();
        List<WebhookRequest> webhooks = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            webhooks.add(WhatsAppWebhook.builder().at(now)
                    .message(WhatsAppCustomer.withPhone("1555" + (2_000_000 + i), "Customer " + i),
                            WhatsAppMessage.text("wamid." + prefix + i, "Hello, is my order on its way?"))
                    .signed(APP_SECRET));
        }
        return webhooks;
    }

    /**
     * What the database and the processor counted at one moment: PostgreSQL's commits (its
     * statistics), the JVM's processor time and, on PostgreSQL, the server's (-1 where not known).
     */
    private record Counts(long commits, long jvmCpuNanos, long databaseCpuNanos) {

        static Counts now(BenchmarkDatabases databases, Kind kind) throws SQLException {
            long commits = committed(databases, kind);
            long database = kind == Kind.POSTGRESQL ? databases.postgresCpuNanos().orElse(-1) : -1;
            return new Counts(commits, processCpuNanos(), database);
        }

        /** What a reply cost from {@code before} to this moment, the statements as counted since then. */
        PerReply since(Counts before, BenchmarkDatabases databases, Kind kind, int replies) {
            double jvm = (jvmCpuNanos - before.jvmCpuNanos) / 1e6 / replies;
            if (kind != Kind.POSTGRESQL) {
                return new PerReply(-1, -1, -1, jvm, -1);
            }
            double database = before.databaseCpuNanos < 0 || databaseCpuNanos < 0 ? -1
                    : (databaseCpuNanos - before.databaseCpuNanos) / 1e6 / replies;
            return new PerReply((double) (commits - before.commits) / replies,
                    (double) databases.transactionsBegun() / replies, (double) databases.statementCalls() / replies,
                    jvm, database);
        }
    }

    /**
     * What one reply cost, webhook to sent: PostgreSQL's commits (a statement run without a
     * transaction counts as one), the transactions begun (each with a {@code COMMIT} of its own)
     * and the statements besides {@code BEGIN} and {@code COMMIT} (-1 on H2), so that the round
     * trips are about the statements and the transactions begun together; and milliseconds of
     * processor time, of this JVM
     * (Conversa, the driver and the Graph stand-in; on H2 the database too) and of the PostgreSQL
     * server's processes (-1 on H2, or where Linux's {@code /proc} is missing). On a machine whose
     * cores are all busy the replies per second follow from the processor time per reply, which
     * says which side the time went to.
     */
    record PerReply(double commits, double begun, double statements, double jvmCpuMillis,
            double databaseCpuMillis) {

        @Override
        public String toString() {
            String cpu = String.format(Locale.ROOT, "processor time per reply: JVM %.1f ms", jvmCpuMillis)
                    + (databaseCpuMillis < 0 ? "" : String.format(Locale.ROOT, ", PostgreSQL %.1f ms", databaseCpuMillis));
            return commits < 0 ? cpu : String.format(Locale.ROOT, "%.1f database commits, %.1f transactions begun and "
                    + "%.1f statements besides BEGIN and COMMIT per reply (webhook to sent, counted by PostgreSQL); ",
                    commits, begun, statements) + cpu;
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** What to run. */
    record Options(List<Kind> databases, int conversations, int callers, int workers, boolean fast,
            Duration timeout, int statements, boolean planning, boolean webhooksFirst, int warmup, int connections) {

        static Options parse(String... args) {
            Map<String, String> values = Arguments.parse(Map.ofEntries(Map.entry("databases", "postgresql,h2"),
                    Map.entry("conversations", "2000"), Map.entry("callers", "8"), Map.entry("workers", ""),
                    Map.entry("mode", "fast"), Map.entry("timeout", "120"), Map.entry("statements", "0"),
                    Map.entry("planning", "false"), Map.entry("webhooksFirst", "true"), Map.entry("warmup", "2000"),
                    Map.entry("connections", "32")), args);
            boolean fast = Arguments.oneOf(values, "mode", "fast", "defaults").equals("fast");
            return new Options(Arrays.stream(values.get("databases").split(",")).map(String::trim)
                    .map(name -> Kind.valueOf(name.toUpperCase(Locale.ROOT))).toList(),
                    Integer.parseInt(values.get("conversations")), Integer.parseInt(values.get("callers")),
                    values.get("workers").isBlank() ? 0 : Integer.parseInt(values.get("workers")),
                    fast, Duration.ofSeconds(Long.parseLong(values.get("timeout"))),
                    Integer.parseInt(values.get("statements")), Arguments.flag(values, "planning"),
                    Arguments.flag(values, "webhooksFirst"),
                    Integer.parseInt(values.get("warmup")), Integer.parseInt(values.get("connections")));
        }
    }

    /** One database's figures. */
    record Result(Kind database, String settings, Options options, double intakeAlone, double intakeWithWorkers,
            double replies, long heapBytes, PerReply perReply, List<String> statements) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s (%s), %s mode%s, %,d conversations, %d callers: %,.0f replies/s end "
                    + "to end%s; intake %,.0f webhooks/s alone, %,.0f/s with the workers running (%.0f%%); none lost, "
                    + "none twice; heap in use after GC %,d MB; %s", database, settings,
                    options.fast() ? "fast" : "defaults", options.webhooksFirst() ? "" : ", webhooks not first",
                    options.conversations(), options.callers(), replies,
                    options.warmup() > 0 ? " after " + options.warmup() + " warm-up conversations" : "",
                    intakeAlone, intakeWithWorkers, 100 * intakeWithWorkers / intakeAlone, heapBytes >> 20, perReply)
                    + (statements.isEmpty() ? "" : "\nwhere PostgreSQL spent its time (executing, calls, rows"
                            + (options.planning() ? ", plans, planning" : "") + ", statement):\n"
                            + String.join("\n", statements));
        }
    }
}
