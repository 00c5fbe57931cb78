package dev.conversa.jdbc.crash;

import static dev.conversa.jdbc.crash.CrashingProcess.LEASE;
import static dev.conversa.jdbc.crash.CrashingProcess.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.model.ConversationKey;
import dev.conversa.model.Direction;
import dev.conversa.model.MessageRecord;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import dev.conversa.store.Stores;
import dev.conversa.testsupport.EchoTestChannel;
import dev.conversa.testsupport.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Conversa process dies at each dangerous point, with its real dispatcher and outbox sender on
 * a real database; another process starts on the same database and finishes the work. Every
 * acknowledged event is stored once and answered once, in order per conversation; a reply that
 * was on the wire when its process died is {@code SEND_UNCERTAIN} and never sent again.
 */
abstract class ConversaCrashScenarios {

    private static final int CUSTOMERS = 12;
    private static final int MESSAGES = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final MutableClock clock = MutableClock.at("2026-01-05T09:00:00Z");
    private final Ledger ledger = new Ledger();
    private final List<CrashingProcess> processes = new ArrayList<>();
    private Stores database;

    /** A fresh, migrated database for the test. */
    abstract Stores database(Clock clock);

    @BeforeEach
    void freshDatabase() {
        database = database(clock);
    }

    @AfterEach
    void stopProcesses() {
        processes.forEach(CrashingProcess::close);
    }

    @Test
    void aProcessThatDiesRightAfterAcknowledgingWebhooksLosesNone() {
        // given: the webhooks are acknowledged, then the process dies before its workers take any
        CrashingProcess first = track(CrashingProcess.dyingAfterIntake(database, clock, ledger));
        List<String> unacknowledged = deliverAll(first);
        first.kill();

        // when
        survivorFinishes(unacknowledged);

        // then
        assertEveryEventStoredAndAnsweredOnceInOrder();
        assertThat(uncertain()).isEmpty();
    }

    @Test
    void aProcessThatDiesInsideTheResponderLeavesItsWorkToTheNext() {
        // given
        CrashingProcess first = track(CrashingProcess.dyingInResponder(5, database, clock, ledger)).start();
        List<String> unacknowledged = deliverAll(first);
        await().atMost(PATIENCE).until(first::isDead);

        // when
        survivorFinishes(unacknowledged);

        // then
        assertEveryEventStoredAndAnsweredOnceInOrder();
    }

    @Test
    void aReplyTheChannelAcceptedBeforeItsProcessDiedIsUncertainAndNeverSentAgain() {
        // given
        CrashingProcess first = track(CrashingProcess.dyingAfterChannelAccepted(4, database, clock, ledger)).start();
        List<String> unacknowledged = deliverAll(first);
        await().atMost(PATIENCE).until(first::isDead);

        // when
        survivorFinishes(unacknowledged);

        // then
        assertEveryEventStoredAndAnsweredOnceInOrder();
        assertThat(uncertain()).isNotEmpty().allSatisfy(entry -> assertThat(entry.attempts()).isEqualTo(1));
    }

    private CrashingProcess track(CrashingProcess process) {
        processes.add(process);
        return process;
    }

    /**
     * Each customer writes its messages in order; the customers interleave. A customer's later
     * messages are not delivered while an earlier one is unacknowledged, as Meta keeps order.
     *
     * @return the events not acknowledged, in order
     */
    private List<String> deliverAll(CrashingProcess process) {
        List<String> unacknowledged = new ArrayList<>();
        for (int message = 1; message <= MESSAGES; message++) {
            for (int customer = 1; customer <= CUSTOMERS; customer++) {
                String id = eventId(customer, message);
                String ofThisCustomer = "c" + customer + "-";
                boolean blocked = unacknowledged.stream().anyMatch(earlier -> earlier.startsWith(ofThisCustomer));
                if (blocked || !process.deliver(id, customer(customer), clock.instant())) {
                    unacknowledged.add(id);
                }
            }
        }
        return unacknowledged;
    }

    /**
     * The leases of the dead process run out; a new process starts, Meta delivers again what was
     * not acknowledged and, as it sometimes does, a few that were; the new process works until
     * nothing is left.
     */
    private void survivorFinishes(List<String> unacknowledged) {
        clock.advance(LEASE.multipliedBy(3));
        CrashingProcess survivor = track(CrashingProcess.healthy(database, clock, ledger)).start();
        for (String id : unacknowledged) {
            assertThat(survivor.deliver(id, "customer-" + id.substring(1, id.indexOf('-')), clock.instant())).isTrue();
        }
        for (int customer = 1; customer <= 3; customer++) {
            assertThat(survivor.deliver(eventId(customer, 1), customer(customer), clock.instant())).isTrue();
        }
        await().atMost(PATIENCE).until(() -> database.inbox().pendingCount() == 0
                && open().isEmpty() && ledgerCoversEveryone());
    }

    private boolean ledgerCoversEveryone() {
        for (int customer = 1; customer <= CUSTOMERS; customer++) {
            if (ledger.answered(customer(customer)).size() < MESSAGES) {
                return false;
            }
        }
        return true;
    }

    private void assertEveryEventStoredAndAnsweredOnceInOrder() {
        for (int customer = 1; customer <= CUSTOMERS; customer++) {
            List<String> expected = new ArrayList<>();
            for (int message = 1; message <= MESSAGES; message++) {
                expected.add(eventId(customer, message));
            }
            List<String> stored = database.messages().history(TENANT, key(customer), 100).stream()
                    .filter(record -> record.direction() == Direction.INBOUND).map(MessageRecord::messageId).toList();
            assertThat(stored).as("stored for customer " + customer).containsExactlyElementsOf(expected);
            assertThat(ledger.answered(customer(customer))).as("answered to customer " + customer)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(database.outbox().list(TENANT, OutboxState.DEAD, 100)).isEmpty();
        assertThat(open()).isEmpty();
        assertThat(database.inbox().parked(TENANT, 100)).isEmpty();
        int finished = database.outbox().list(TENANT, OutboxState.SENT, 1000).size() + uncertain().size();
        assertThat(ledger.replies()).isEqualTo(finished);
    }

    private List<OutboxEntry> uncertain() {
        return database.outbox().list(TENANT, OutboxState.SEND_UNCERTAIN, 100);
    }

    private List<OutboxEntry> open() {
        List<OutboxEntry> open = new ArrayList<>();
        for (OutboxState state : EnumSet.of(OutboxState.PENDING, OutboxState.SENDING)) {
            open.addAll(database.outbox().list(TENANT, state, 100));
        }
        return open;
    }

    private static String eventId(int customer, int message) {
        return "c" + customer + "-m" + message;
    }

    private static String customer(int customer) {
        return "customer-" + customer;
    }

    private static ConversationKey key(int customer) {
        return new ConversationKey(EchoTestChannel.TYPE, CrashingProcess.ACCOUNT, customer(customer));
    }
}
