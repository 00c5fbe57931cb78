package dev.conversa.benchmarks.load;

import dev.conversa.benchmarks.Arguments;
import dev.conversa.benchmarks.db.BenchmarkDatabases;
import dev.conversa.benchmarks.db.BenchmarkDatabases.Kind;
import dev.conversa.channel.ChannelAccount;
import dev.conversa.jdbc.JdbcStores;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import dev.conversa.testkit.whatsapp.WhatsAppCustomer;
import dev.conversa.testkit.whatsapp.WhatsAppMessage;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
import dev.conversa.webhook.WebhookHandler;
import dev.conversa.webhook.WebhookRequest;
import dev.conversa.whatsapp.WhatsAppChannel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Durable webhook intake under load: signed WhatsApp texts, each a new event, handed to a
 * {@link WebhookHandler} on {@link JdbcStores} by 1, 16 and 64 concurrent callers (closed loop:
 * each caller sends its next webhook when the last was answered), and at a paced rate (open
 * loop: a fixed number of webhooks per second whatever the answers' delays, latency counted from
 * when each should have been sent). Each answer is a 200 only after the inbox commit, so the
 * rate is that of durable acknowledgements. In the same run, on the same database, it measures
 * the ceiling the comparison is made against: inserts of inbox rows in JDBC batches of 100, one
 * transaction per batch, on one connection.
 *
 * <p>PostgreSQL runs with {@code fsync=on} and {@code synchronous_commit=on} and its autovacuum as
 * it comes (a look at each database a minute: the inbox's insert has one plan whatever the
 * statistics, so the look every second that the end-to-end driver needs would only vacuum and
 * analyze the growing inbox every second or two, each pass a stall in the latencies), H2 as {@code
 * JdbcStores} sets it ({@code WRITE_DELAY=0}). Every level starts on a fresh database, checks that
 * every webhook was answered 200 and that the inbox holds exactly one entry per webhook, and then
 * empties that inbox, so that no later level shares the machine with autovacuum passes over it.
 *
 * <p>Run, from the repository root:
 *
 * <pre>{@code
 * mvn -B -q package -pl benchmarks -am -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.conversa.benchmarks.load.DurableIntakeLoad
 * }</pre>
 *
 * <p>Options ({@code name=value}): {@code databases=postgresql,h2}, {@code callers=1,16,64},
 * {@code seconds=10} (per level), {@code warmup=3} (seconds, before each level, on its
 * database), {@code paced=0.25,0.5} (fractions of the batch ceiling to run open loop, empty for
 * none: a quarter, half the rate the issue asks to sustain, is where its latency target applies),
 * {@code pacedCallers=256} (threads sending at the paced rate: enough that none is still waiting
 * for an answer when its next webhook is due, or the driver, not the handler, would set the rate:
 * at 8,500 webhooks/s and 7 ms per acknowledgement, 64 threads are all busy), {@code
 * requests=250000} (webhooks at most per level, each signed as it is sent; a level that uses
 * them all ends early and says so), {@code autovacuum=minute} ({@code second}: PostgreSQL's
 * autovacuum looks every second, as for the other drivers), {@code timeline=false} ({@code true}:
 * each measured level also prints, every second, the webhooks answered in that second and their
 * latencies, to tell a stall from a spread).
 */
public final class DurableIntakeLoad {

    private static final Secret APP_SECRET = Secret.of("load-app-secret");
    private static final TenantId TENANT = TenantId.of("load");
    private static final int BATCH = 100;
    /** Connections at most: the handler holds one only to commit a group or read an account. */
    private static final int MAX_CONNECTIONS = 90;

    private DurableIntakeLoad() {}

    /**
     * Runs the load.
     *
     * @param args options as {@code name=value}
     * @throws Exception if a level fails or does not measure what it should
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        run(Options.parse(args));
    }

    /** Runs every level the options ask for, printing each database's result as it ends; one result each. */
    static List<DatabaseResult> run(Options options) throws Exception {
        List<DatabaseResult> results = new ArrayList<>();
        int connections = Math.min(MAX_CONNECTIONS, Math.max(options.pacedCallers(),
                options.callers().stream().mapToInt(Integer::intValue).max().orElse(1)) + 4);
        try (BenchmarkDatabases databases = new BenchmarkDatabases(connections, true)) {
            if (!options.autovacuumEverySecond()) {
                databases.defaultAutovacuum();
            }
            for (Kind kind : options.databases()) {
                databases.fresh(kind);
                String settings = databases.settings(kind);
                double ceiling = batchCeiling(databases.newest(), options.seconds());
                emptyInbox(databases.newest());
                List<Level> levels = new ArrayList<>();
                for (int callers : options.callers()) {
                    levels.add(level(databases.fresh(kind), options, callers, 0));
                    emptyInbox(databases.newest());
                }
                for (double fraction : options.paced()) {
                    levels.add(level(databases.fresh(kind), options, options.pacedCallers(), fraction * ceiling));
                    emptyInbox(databases.newest());
                }
                DatabaseResult result = new DatabaseResult(kind, settings, ceiling, levels);
                System.out.println(result);
                results.add(result);
            }
        }
        return results;
    }

    /** Rows per second inserted in batches of 100, one transaction per batch, on one connection. */
    static double batchCeiling(DataSource dataSource, double seconds) throws SQLException {
        String sql = "INSERT INTO conversa_inbox (tenant, channel, account_id, contact_id, external_id, event, "
                + "status, not_before, attempts, fence, created_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, 0, 0, ?)";
        String event = "{\"type\":\"message\",\"text\":\"" + "Hello! Do you have the blue one in size 38? ".repeat(12)
                + "\"}";
        long rows = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                long start = System.nanoTime();
                long end = start + (long) (seconds * 1e9);
                while (System.nanoTime() < end) {
                    Timestamp now = Timestamp.from(Instant.now());
                    for (int i = 0; i < BATCH; i++) {
                        insert.setString(1, TENANT.value());
                        insert.setString(2, "whatsapp");
                        insert.setString(3, WhatsAppWebhook.PHONE_NUMBER_ID);
                        insert.setString(4, "1555" + (rows % 10_000));
                        insert.setString(5, "wamid.CEILING" + rows++);
                        insert.setString(6, event);
                        insert.setTimestamp(7, now);
                        insert.setTimestamp(8, now);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    connection.commit();
                }
                return rows / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    /**
     * Empties the inbox of a database whose level is over: left full, PostgreSQL's autovacuum came
     * back to it during a later level (a pass of 100-450 ms, seen in the next level's timeline),
     * which a server with one database would not see.
     */
    private static void emptyInbox(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("TRUNCATE TABLE conversa_inbox");
        }
    }

    /** One level on a fresh database: closed loop when {@code rate} is 0, else open loop at that rate. */
    private static Level level(JdbcStores jdbc, Options options, int callers, double rate) throws Exception {
        jdbc.stores().accounts().save(ChannelAccount.of(TENANT, ChannelType.WHATSAPP,
                WhatsAppWebhook.PHONE_NUMBER_ID, Secret.of("token")));
        WebhookHandler handler = WebhookHandler.builder()
                .appSecret(APP_SECRET)
                .verifyToken(Secret.of("verify"))
                .channel(WhatsAppChannel.create())
                .accounts(jdbc.stores().accounts())
                .inbox(jdbc.stores().inbox())
                .build();
        Requests warm = Requests.upTo("warm", (int) Math.min(options.requests(), 20_000L));
        drive(handler, warm, callers, options.warmup(), 0, false);
        Requests measured = Requests.upTo("load", options.requests());
        Level level = drive(handler, measured, callers, options.seconds(), rate, options.timeline());
        long stored = jdbc.stores().inbox().pendingCount();
        long answered = warm.used() + level.answered();
        if (level.failed() > 0 || stored != answered) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%s: %d webhooks answered 200, %d not; "
                    + "%d inbox entries: the level did not measure durable appends", level.name(), answered,
                    level.failed(), stored));
        }
        return level;
    }

    private static Level drive(WebhookHandler handler, Requests requests, int callers, double seconds, double rate,
            boolean timeline) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long end = start + (long) (seconds * 1e9);
        String name = rate > 0 ? String.format(Locale.ROOT, "%d callers paced at %,.0f/s", callers, rate)
                : callers + (callers == 1 ? " caller" : " callers");
        AtomicLong sent = new AtomicLong();
        // one recorder for every caller: a histogram of their own each (140 KB at this precision), 256 of
        // them made as the level starts, stayed live through it and young collections copying them paused
        // every caller for 44-88 ms, which the level's percentiles counted as the handler's
        long highest = TimeUnit.MINUTES.toMicros(1);
        Recorder latencies = new Recorder(highest, 3);
        Recorder lastSecond = new Recorder(highest, 3);
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        if (timeline) {
            ticks.scheduleAtFixedRate(() -> System.out.println(second(name, start, lastSecond.getIntervalHistogram())),
                    TimeUnit.SECONDS.toNanos(1), TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
        }
        List<Future<?>> senders = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            senders.add(threads.submit(() -> {
                while (true) {
                    long n = sent.getAndIncrement();
                    long intended = rate > 0 ? start + (long) (n * 1e9 / rate) : System.nanoTime();
                    if (intended >= end) {
                        return null;
                    }
                    WebhookRequest request = requests.next();
                    if (request == null) {
                        return null;
                    }
                    long now = System.nanoTime(); // after signing: a sender's work is not the handler's
                    while (now < intended) {
                        TimeUnit.NANOSECONDS.sleep(intended - now);
                        now = System.nanoTime();
                    }
                    if (handler.handle(request).status() != 200) {
                        failed.incrementAndGet();
                    }
                    long latency = System.nanoTime() - (rate > 0 ? intended : now);
                    long micros = Math.min(TimeUnit.NANOSECONDS.toMicros(latency), highest);
                    latencies.recordValue(micros);
                    if (timeline) {
                        lastSecond.recordValue(micros);
                    }
                }
            }));
        }
        try {
            for (Future<?> sender : senders) {
                sender.get(10, TimeUnit.MINUTES);
            }
        } finally {
            // a level that fails must not leave threads that keep the JVM running
            ticks.shutdownNow();
            threads.shutdownNow();
        }
        Histogram all = latencies.getIntervalHistogram();
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Level(name, all.getTotalCount() - failed.get(), failed.get(), all.getTotalCount() / elapsed,
                all.getValueAtPercentile(50) / 1000.0, all.getValueAtPercentile(99) / 1000.0,
                all.getMaxValue() / 1000.0, requests.exhausted());
    }

    /** One line of a level's timeline: the webhooks answered in the second just ended, and their latencies. */
    private static String second(String level, long start, Histogram second) {
        return String.format(Locale.ROOT, "  %s, second %2.0f: %,6d answered, p50 %7.2f ms, p99 %8.2f ms, max %8.2f ms",
                level, (System.nanoTime() - start) / 1e9, second.getTotalCount(), second.getValueAtPercentile(50) / 1000.0,
                second.getValueAtPercentile(99) / 1000.0, second.getMaxValue() / 1000.0);
    }

    /**
     * Webhooks, each a new message, signed as they are handed out (once each, up to a count):
     * signed in advance, a level's quarter of a million requests stayed in the heap and young
     * collections copying them paused every caller for up to half a second.
     */
    private static final class Requests {
        private final String prefix;
        private final int count;
        private final Instant at = Instant.now();
        private final AtomicInteger next = new AtomicInteger();

        private Requests(String prefix, int count) {
            this.prefix = prefix;
            this.count = count;
        }

        static Requests upTo(String prefix, int count) {
            return new Requests(prefix, count);
        }

        WebhookRequest next() {
            int i = next.getAndIncrement();
            if (i >= count) {
                return null;
            }
            return WhatsAppWebhook.builder().at(at)
                    .message(WhatsAppCustomer.withPhone("1555" + (1_000_000 + i % 10_000), "Ana"),
                            WhatsAppMessage.text("wamid." + prefix + i, "Hello! Do you have the blue one in size 38?"))
                    .signed(APP_SECRET);
        }

        long used() {
            return Math.min(next.get(), count);
        }

        boolean exhausted() {
            return next.get() >= count;
        }
    }

    /** What to run. */
    record Options(List<Kind> databases, List<Integer> callers, double seconds, double warmup, List<Double> paced,
            int pacedCallers, int requests, boolean autovacuumEverySecond, boolean timeline) {

        static Options parse(String... args) {
            Map<String, String> values = Arguments.parse(Map.ofEntries(Map.entry("databases", "postgresql,h2"),
                    Map.entry("callers", "1,16,64"), Map.entry("seconds", "10"), Map.entry("warmup", "3"),
                    Map.entry("paced", "0.25,0.5"), Map.entry("pacedCallers", "256"), Map.entry("requests", "250000"),
                    Map.entry("autovacuum", "minute"), Map.entry("timeline", "false")), args);
            String autovacuum = Arguments.oneOf(values, "autovacuum", "minute", "second");
            return new Options(list(values.get("databases")).stream()
                    .map(name -> Kind.valueOf(name.toUpperCase(Locale.ROOT))).toList(),
                    list(values.get("callers")).stream().map(Integer::valueOf).toList(),
                    Double.parseDouble(values.get("seconds")), Double.parseDouble(values.get("warmup")),
                    list(values.get("paced")).stream().map(Double::valueOf).toList(),
                    Integer.parseInt(values.get("pacedCallers")), Integer.parseInt(values.get("requests")),
                    autovacuum.equals("second"), Arguments.flag(values, "timeline"));
        }

        private static List<String> list(String text) {
            return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    }

    /** One level's figures; latencies in milliseconds. */
    record Level(String name, long answered, long failed, double rate, double p50, double p99, double max,
            boolean ranOut) {
    }

    /** One database's ceiling and levels. */
    record DatabaseResult(Kind database, String settings, double ceiling, List<Level> levels) {

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                    "%s (%s): batch-%d insert ceiling %,.0f rows/s%n", database, settings, BATCH, ceiling));
            for (Level level : levels) {
                text.append(String.format(Locale.ROOT,
                        "  %-28s %,9.0f webhooks/s = %5.1f%% of the ceiling; p50 %6.2f ms, p99 %7.2f ms, max %7.2f ms%s%n",
                        level.name(), level.rate(), 100 * level.rate() / ceiling, level.p50(), level.p99(), level.max(),
                        level.ranOut() ? " (ran out of signed webhooks: raise requests=)" : ""));
            }
            return text.toString();
        }
    }
}
