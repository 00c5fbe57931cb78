package dev.conversa.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Text;
import dev.conversa.store.OutboxState;
import dev.conversa.store.Stores;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the quick start's server with SIGKILL in the middle of a burst of webhooks, starts it
 * again on the same data, and checks that the 200 it answered meant what Meta takes it to mean:
 * the event outlives the process, since Meta will not deliver it again.
 *
 * <p>As a new user would run it: the server ({@link KillTestServer}: the quick start's storage
 * and webhook endpoint, a rules bot, no burst quiet window) runs in a child JVM, either on the
 * quick start's default H2 file {@code ./data/conversa} in a fresh working directory, or on an
 * embedded PostgreSQL server started by this JVM. 200 signed WhatsApp webhooks, one customer
 * each, arrive from 8 threads; the thread that receives the 91st 200 kills the child at once
 * ({@link Process#destroyForcibly()}; the exit code 137, 128 + SIGKILL, shows the signal).
 * Webhooks answered 200 until the child was gone are the acknowledged ones. The child is started
 * again on the same data; every webhook that was not acknowledged is delivered again, as Meta
 * does, and 20 acknowledged ones, spread from the first to the last, are delivered a second
 * time, as Meta sometimes does. Replies go to a Graph API stand-in in this JVM, so what was sent
 * before the kill is still counted after it.
 *
 * <p>A pass proves, for the database of the test:
 * <ul>
 *   <li>every acknowledged message is stored, although most were never delivered again;
 *   <li>nothing unacknowledged was lost: after the redelivery, every customer's message is
 *       stored;
 *   <li>every customer was answered: a text reply reached the stand-in, or its reply is
 *       {@code SEND_UNCERTAIN}, the one outcome the design allows for a send the kill cut short
 *       (recorded as sending, never sent again);
 *   <li>no customer got two text replies: neither the kill, the takeover of the killed process's
 *       leased work, nor the redeliveries made a second answer. Typing and read markers are
 *       separate requests and are not counted.
 * </ul>
 * Only the application's process is killed: this says nothing of a crash of the machine or of
 * the PostgreSQL server. On H2 it holds only if a commit reaches the file before the 200 goes
 * out: with H2's default write delay (500 ms), the commits of the last half second die with the
 * process, and acknowledged messages are missing; and only if H2 never writes the file while a
 * transaction is half done: otherwise the restarted process finds rows of the dead process's
 * last transactions that it can neither read nor change (the stores of an H2 file take turns).
 */
class QuickStartKillTest {

    private static final int CUSTOMERS = 200;
    private static final int THREADS = 8;
    private static final int KILL_AFTER_ACKNOWLEDGEMENTS = 91;
    private static final int REDELIVERED_ACKNOWLEDGED = 20;
    private static final String APP_SECRET = "kill-test-app-secret";
    /** No request to the Graph API for this long after the redelivery: nothing more is coming. */
    private static final Duration QUIET = KillTestServer.LEASE.plusSeconds(8);
    /** Time enough for the killed process's leases to run out, the work to be done, and the quiet. */
    private static final Duration ANSWERS = Duration.ofSeconds(60).plus(KillTestServer.LEASE).plus(QUIET);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path directory;
    private GraphStandIn graph;
    private ServerProcess server;
    private EmbeddedPostgres postgres;

    @BeforeEach
    void startGraphStandIn() {
        graph = GraphStandIn.start();
    }

    @AfterEach
    void stopEverything() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            graph.close();
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void anAcknowledgedWebhookOutlivesAKilledProcessOnTheDefaultH2File() throws Exception {
        String file = directory.resolve("data").resolve("conversa").toAbsolutePath().toString();

        killRestartAndCheck(serverEnvironment(Map.of()),
                Map.of("CONVERSA_DB_URL", "jdbc:h2:file:" + file + ";AUTO_SERVER=FALSE"));
    }

    @Test
    void anAcknowledgedWebhookOutlivesAKilledProcessOnPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Map<String, String> database = Map.of(
                "CONVERSA_DB_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                "CONVERSA_DB_USER", "postgres");

        killRestartAndCheck(serverEnvironment(database), database);
    }

    private void killRestartAndCheck(Map<String, String> environment, Map<String, String> database)
            throws Exception {
        // given
        List<CustomerWebhook> webhooks = CustomerWebhook.forCustomers(CUSTOMERS, Secret.of(APP_SECRET), Instant.now());
        server = ServerProcess.start(directory, environment);

        // when
        Set<Integer> acknowledged = deliverUntilKilled(webhooks);
        server = ServerProcess.start(directory, environment);
        List<CustomerWebhook> again = redeliveries(webhooks, acknowledged);
        assertThat(Deliveries.deliver(server.port(), again, THREADS))
                .as("redeliveries answered 200 after the restart").hasSize(again.size());
        awaitAnswersOrQuiet(webhooks);
        server.stop();

        // then
        checkStoredAndAnsweredOnce(webhooks, acknowledged, database, server.log());
    }

    private Set<Integer> deliverUntilKilled(List<CustomerWebhook> webhooks) throws InterruptedException {
        ServerProcess killed = server;
        Set<Integer> acknowledged = Deliveries.deliver(killed.port(), webhooks, THREADS,
                KILL_AFTER_ACKNOWLEDGEMENTS, killed::kill);
        assertThat(acknowledged).as("webhooks answered 200 before the kill; see %s", killed.log())
                .hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKNOWLEDGEMENTS);
        assertThat(killed.awaitKilled()).as("exit code of the killed server: 128 + SIGKILL").isEqualTo(137);
        return acknowledged;
    }

    /** Every unacknowledged webhook, after 20 acknowledged ones spread from the first to the last. */
    private static List<CustomerWebhook> redeliveries(List<CustomerWebhook> webhooks, Set<Integer> acknowledged) {
        List<CustomerWebhook> acked = webhooks.stream().filter(w -> acknowledged.contains(w.customer())).toList();
        List<CustomerWebhook> again = new ArrayList<>();
        for (int i = 0; i < REDELIVERED_ACKNOWLEDGED; i++) {
            again.add(acked.get(i * (acked.size() - 1) / (REDELIVERED_ACKNOWLEDGED - 1)));
        }
        webhooks.stream().filter(w -> !acknowledged.contains(w.customer())).forEach(again::add);
        return again;
    }

    /** Until every customer got a text, or the server sent nothing for {@link #QUIET}. */
    private void awaitAnswersOrQuiet(List<CustomerWebhook> webhooks) {
        Set<String> customers = webhooks.stream().map(CustomerWebhook::phone).collect(Collectors.toSet());
        Stillness graphRequests = new Stillness(QUIET);
        await("every customer answered, or no Graph API request for " + QUIET).atMost(ANSWERS)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> SentTexts.byRecipient(graph.requests()).keySet().containsAll(customers)
                        || graphRequests.stillFor(graph.requests().size()));
    }

    private void checkStoredAndAnsweredOnce(List<CustomerWebhook> webhooks, Set<Integer> acknowledged,
            Map<String, String> database, Path log) throws Exception {
        Map<String, Long> texts = SentTexts.byRecipient(graph.requests());
        try (StorageSetup storage = StorageSetup.open(QuickStartConfig.load(readerConfig(database)))) {
            Stores stores = storage.stores();
            Set<String> uncertain = uncertainTextRecipients(stores);
            Predicate<CustomerWebhook> stored = w -> stores.messages()
                    .find(QuickStartApp.TENANT, ChannelType.WHATSAPP, w.messageId()).isPresent();
            List<CustomerWebhook> lost = select(webhooks, w -> acknowledged.contains(w.customer()) && !stored.test(w));
            System.out.printf("kill test: %d acknowledged before the kill, %d of them lost; %d text sends uncertain,"
                    + " %d of them never reached the Graph API%n", acknowledged.size(), lost.size(), uncertain.size(),
                    select(webhooks, w -> uncertain.contains(w.phone()) && !texts.containsKey(w.phone())).size());

            SoftAssertions softly = new SoftAssertions();
            Function<List<CustomerWebhook>, String> trace = missing -> missing.isEmpty() ? "" : missing.stream()
                    .map(w -> "\n  customer " + w.customer() + ": texts " + texts.getOrDefault(w.phone(), 0L)
                            + (uncertain.contains(w.phone()) ? ", a text send uncertain" : ""))
                    .collect(Collectors.joining()) + KillTestTrace.of(database,
                            missing.stream().map(CustomerWebhook::messageId).toList(), log);
            softly.assertThat(lost).as("acknowledged before the kill, never stored (%d of %d acknowledged)%s",
                    lost.size(), acknowledged.size(), trace.apply(lost)).isEmpty();
            List<CustomerWebhook> again = select(webhooks,
                    w -> !acknowledged.contains(w.customer()) && !stored.test(w));
            softly.assertThat(again).as("not acknowledged before the kill, delivered again, never stored%s",
                    trace.apply(again)).isEmpty();
            softly.assertThat(select(webhooks, w -> !texts.containsKey(w.phone()) && !uncertain.contains(w.phone())))
                    .as("never answered, nor a send left uncertain by the kill").isEmpty();
            softly.assertThat(select(webhooks, w -> texts.getOrDefault(w.phone(), 0L) > 1))
                    .as("answered with more than one text").isEmpty();
            softly.assertAll();
        }
    }

    /** The customers whose text reply was cut short by the kill: SEND_UNCERTAIN, never resent. */
    private static Set<String> uncertainTextRecipients(Stores stores) {
        return stores.outbox().list(QuickStartApp.TENANT, OutboxState.SEND_UNCERTAIN, CUSTOMERS * 4).stream()
                .filter(entry -> entry.message().content() instanceof Text)
                .map(entry -> entry.message().to().contactId())
                .collect(Collectors.toSet());
    }

    private static List<CustomerWebhook> select(List<CustomerWebhook> webhooks, Predicate<CustomerWebhook> which) {
        return webhooks.stream().filter(which).toList();
    }

    /** What the child needs besides the database: the quick start's keys for one WhatsApp account. */
    private Map<String, String> serverEnvironment(Map<String, String> database) {
        Map<String, String> environment = new HashMap<>(database);
        environment.put("META_APP_SECRET", APP_SECRET);
        environment.put("META_VERIFY_TOKEN", "kill-test-verify-token");
        environment.put("WHATSAPP_PHONE_NUMBER_ID", WhatsAppWebhook.PHONE_NUMBER_ID);
        environment.put("WHATSAPP_ACCESS_TOKEN", "kill-test-access-token");
        environment.put("GRAPH_BASE_URL", graph.baseUrl().toString());
        return environment;
    }

    /** Reads the child's database from this JVM; the token key only keeps {@code ./data} out of the module. */
    private static Map<String, String> readerConfig(Map<String, String> database) {
        Map<String, String> config = new HashMap<>(database);
        config.put("CONVERSA_TOKEN_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        return config;
    }

    /** Tells when a count stopped changing for a while. */
    private static final class Stillness {

        private final Duration span;
        private int last = -1;
        private Instant changed = Instant.now();

        Stillness(Duration span) {
            this.span = span;
        }

        boolean stillFor(int count) {
            Instant now = Instant.now();
            if (count != last) {
                last = count;
                changed = now;
            }
            return !changed.plus(span).isAfter(now);
        }
    }
}
