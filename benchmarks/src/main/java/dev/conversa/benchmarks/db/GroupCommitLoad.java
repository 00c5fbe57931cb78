package dev.conversa.benchmarks.db;

import com.sun.management.OperatingSystemMXBean;
import dev.conversa.benchmarks.Arguments;
import dev.conversa.crypto.TokenCipher;
import dev.conversa.jdbc.JdbcStores;
import dev.conversa.model.ChannelType;
import dev.conversa.model.EventHeader;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.MessageContext;
import dev.conversa.model.SenderProfile;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import dev.conversa.store.Inbox;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * What the inbox's group commit costs the JVM when many webhooks append at once, apart from the
 * database's own work and noise: {@code JdbcStores} on an in-memory H2 database whose every
 * commit (a commit call, or a write in auto-commit) takes {@code flush} microseconds more, a
 * stand-in for the disk flush that makes callers queue on a durable database. Each caller appends
 * one new message at a time, as a webhook does, until the round ends. It prints appends per second
 * and the JVM's processor time per append, and checks that the inbox holds every append it
 * counted.
 *
 * <p>Run, from the repository root:
 *
 * <pre>{@code
 * mvn -B -q package -pl benchmarks -am -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.conversa.benchmarks.db.GroupCommitLoad
 * }</pre>
 *
 * <p>Options ({@code name=value}): {@code callers=64,256}, {@code flush=300} (microseconds added to
 * each commit), {@code seconds=5}, {@code rounds=2} (each round runs every caller count once).
 */
public final class GroupCommitLoad {

    private static final TenantId TENANT = TenantId.of("bench");

    private GroupCommitLoad() {}

    /**
     * Measures and prints each level.
     *
     * @param args options as {@code name=value}
     * @throws Exception if a caller fails
     */
    public static void main(String... args) throws Exception {
        for (Level level : run(Options.parse(args))) {
            System.out.printf(Locale.ROOT, "%d callers, commits %d µs longer: %,.0f appends/s, %.1f µs of the JVM's "
                    + "processor time per append%n", level.callers(), level.flushMicros(), level.appendsPerSecond(),
                    level.cpuMicrosPerAppend());
        }
    }

    /** Runs every round's levels, each on a fresh database. */
    static List<Level> run(Options options) throws Exception {
        List<Level> levels = new ArrayList<>();
        for (int round = 0; round < options.rounds(); round++) {
            for (int callers : options.callers()) {
                levels.add(level(options, callers));
            }
        }
        return levels;
    }

    private static Level level(Options options, int callers) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:group-commit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcStores stores = JdbcStores.builder().dataSource(slowCommits(h2, options.flushMicros() * 1_000L))
                .tokenCipher(TokenCipher.builder().key("bench", new byte[32]).build()).build();
        stores.migrate();
        Inbox inbox = stores.stores().inbox();
        AtomicInteger ids = new AtomicInteger();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            long cpuBefore = os.getProcessCpuTime();
            long start = System.nanoTime();
            long end = start + (long) (options.seconds() * 1e9);
            List<Future<Integer>> counts = new ArrayList<>();
            for (int caller = 0; caller < callers; caller++) {
                counts.add(pool.submit(() -> appendUntil(inbox, ids, end)));
            }
            long appended = 0;
            for (Future<Integer> count : counts) {
                appended += count.get(10, TimeUnit.MINUTES);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpu = os.getProcessCpuTime() - cpuBefore;
            long stored = inbox.pendingCount();
            if (stored != appended) {
                throw new IllegalStateException("counted " + appended + " appends, but the inbox holds " + stored);
            }
            return new Level(callers, options.flushMicros(), appended / seconds, cpu / 1e3 / appended);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One caller's appends until the end, one new message each; how many were stored. */
    private static int appendUntil(Inbox inbox, AtomicInteger ids, long end) {
        int appended = 0;
        while (System.nanoTime() < end) {
            int id = ids.incrementAndGet();
            Instant now = Instant.now();
            EventHeader header = new EventHeader(ChannelType.WHATSAPP, "phone-1", "contact-" + id % 1000,
                    "wamid." + id, now);
            InboundMessage message = new InboundMessage(header, new Text("question " + id), MessageContext.NONE,
                    SenderProfile.UNKNOWN);
            if (inbox.append(TENANT, List.of(message), now).size() != 1) {
                throw new IllegalStateException("message " + id + " was not appended");
            }
            appended++;
        }
        return appended;
    }

    /**
     * The database, each commit of which waits {@code nanos} longer before it is made: a commit
     * call, or a write made in auto-commit, which commits as it ends.
     */
    private static DataSource slowCommits(JdbcDataSource database, long nanos) {
        return (DataSource) Proxy.newProxyInstance(GroupCommitLoad.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(database, method, args);
                    return result instanceof Connection connection ? slowCommits(connection, nanos) : result;
                });
    }

    private static Connection slowCommits(Connection connection, long nanos) {
        return (Connection) Proxy.newProxyInstance(GroupCommitLoad.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("commit")) {
                        flush(nanos);
                    }
                    Object result = invoke(connection, method, args);
                    return result instanceof PreparedStatement statement
                            ? slowAutoCommits(connection, statement, nanos) : result;
                });
    }

    private static PreparedStatement slowAutoCommits(Connection connection, PreparedStatement statement,
            long nanos) {
        return (PreparedStatement) Proxy.newProxyInstance(GroupCommitLoad.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    Object result = invoke(statement, method, args);
                    boolean write = method.getName().startsWith("executeUpdate")
                            || method.getName().equals("executeLargeUpdate") || method.getName().equals("executeBatch");
                    if (write && connection.getAutoCommit()) {
                        flush(nanos);
                    }
                    return result;
                });
    }

    private static void flush(long nanos) {
        long until = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * One level's figures.
     *
     * @param callers the callers appending at once
     * @param flushMicros what each commit took longer
     * @param appendsPerSecond appends per second, all callers together
     * @param cpuMicrosPerAppend the JVM's processor time per append, all its threads together
     */
    record Level(int callers, long flushMicros, double appendsPerSecond, double cpuMicrosPerAppend) {
    }

    /** What to run. */
    record Options(List<Integer> callers, long flushMicros, double seconds, int rounds) {

        static Options parse(String... args) {
            Map<String, String> values = Arguments.parse(Map.of("callers", "64,256", "flush", "300", "seconds", "5",
                    "rounds", "2"), args);
            Options options = new Options(Arrays.stream(values.get("callers").split(",")).map(String::trim)
                    .map(Integer::valueOf).toList(), Long.parseLong(values.get("flush")),
                    Double.parseDouble(values.get("seconds")), Integer.parseInt(values.get("rounds")));
            if (options.callers().stream().anyMatch(callers -> callers < 1) || options.flushMicros() < 0
                    || options.rounds() < 1 || !(options.seconds() > 0)) {
                throw new IllegalArgumentException("callers, rounds and seconds must be positive, flush not negative");
            }
            return options;
        }
    }
}
