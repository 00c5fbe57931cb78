package dev.conversa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.conversa.model.ConversationKey;
import dev.conversa.privacy.DataClass;
import dev.conversa.privacy.RetentionPolicy;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The retention job as {@link Conversa} runs it: on a schedule, and under live traffic. */
class RetentionScheduleTest {

    private static final RetentionPolicy ONE_DAY =
            RetentionPolicy.builder().keep(DataClass.CONVERSATIONS, Duration.ofDays(1)).build();

    @Test
    void startRunsTheJobOnItsScheduleAndCloseStopsIt() {
        Stores stores = InMemoryStores.create();
        try (TestBed bed = new TestBed(stores, b -> b.retention(ONE_DAY).retentionEvery(Duration.ofSeconds(1)), false)) {
            stores.conversations().getOrOpen(TestBed.TENANT, TestBed.key("anna"), bed.clock.instant());
            bed.clock.advance(Duration.ofDays(1));

            bed.conversa.start();

            await().atMost(10, TimeUnit.SECONDS).untilAsserted(() ->
                    assertThat(stores.conversations().find(TestBed.TENANT, TestBed.key("anna"))).isEmpty());
            bed.conversa.close();
            // the pool is terminated when close returns; its thread may take a moment more to exit
            await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                    .noneMatch(t -> t.getName().equals("conversa-retention")));
        }
    }

    @Test
    void theJobUnderTrafficRemovesIdleConversationsAndNothingInUse() throws Exception {
        // given: twenty conversations answered a day ago
        Stores stores = InMemoryStores.create();
        try (TestBed before = new TestBed(stores, b -> noWait(b).withoutScheduledRetention(), true)) {
            for (int i = 0; i < 20; i++) {
                before.deliver("old-" + i, "c" + i, "hello " + i);
            }
            before.awaitIdle();
        }
        // the second bed's sends get other ids than the first's: with the same ids, a reply's rename
        // would take over the row of another conversation's reply, as no id Meta gives ever does
        try (TestBed bed = new TestBed(stores, new ScriptedChannel("again-"),
                b -> noWait(b).retention(ONE_DAY).withoutScheduledRetention(), false)) {
            bed.clock.advance(Duration.ofDays(1));
            for (int i = 0; i < 10; i++) {
                bed.deliver("new-" + i, "c" + i, "back again " + i);
            }

            // when: the job runs over and over while the ten returning customers are answered
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger removed = new AtomicInteger();
            Thread job = new Thread(() -> {
                while (!stop.get()) {
                    removed.addAndGet(bed.conversa.retention().run(bed.clock.instant())
                            .removed(DataClass.CONVERSATIONS));
                }
            }, "retention-under-traffic");
            job.start();
            bed.conversa.start();
            bed.awaitIdle();
            stop.set(true);
            job.join(10_000);
            assertThat(job.isAlive()).isFalse();
            removed.addAndGet(bed.conversa.retention().run(bed.clock.instant()).removed(DataClass.CONVERSATIONS));

            // then
            assertThat(removed.get()).isEqualTo(10);
            List<ConversationKey> kept = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ConversationKey key = TestBed.key("c" + i);
                if (stores.conversations().find(TestBed.TENANT, key).isPresent()) {
                    kept.add(key);
                    assertThat(stores.messages().history(TestBed.TENANT, key, 10)).as(key.contactId())
                            .extracting(m -> m.text().orElse(""))
                            .contains("hello " + i, "back again " + i, Conversa.Builder.DEFAULT_FALLBACK);
                } else {
                    assertThat(stores.messages().history(TestBed.TENANT, key, 10)).isEmpty();
                }
            }
            assertThat(kept).extracting(ConversationKey::contactId)
                    .containsExactlyInAnyOrder("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9");
        }
    }

    private static Conversa.Builder noWait(Conversa.Builder builder) {
        return builder.burstQuietWindow(Duration.ZERO).burstMaxWait(Duration.ZERO);
    }

    @Test
    void buildRefusesARetentionIntervalBelowOneSecond() {
        assertThatThrownBy(() -> new TestBed(InMemoryStores.create(),
                b -> b.retentionEvery(Duration.ofMillis(500)), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("retentionEvery");
    }

    @Test
    void policyRefusesAProcessedInboxPeriodShorterThanTheReplayWindow() {
        assertThatThrownBy(() -> RetentionPolicy.builder().keep(DataClass.PROCESSED_INBOX, Duration.ofDays(6))
                .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PROCESSED_INBOX").hasMessageContaining("replay window");
    }

    @Test
    void policyRefusesAPeriodThatIsNotPositive() {
        assertThatThrownBy(() -> RetentionPolicy.builder().keep(TestBed.TENANT, DataClass.AUDIT, Duration.ZERO)
                .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AUDIT").hasMessageContaining("tenant shop");
    }

    @Test
    void defaultPolicyKeepsEveryClassForABoundedTime() {
        RetentionPolicy defaults = RetentionPolicy.defaults();

        assertThat(defaults.period(TestBed.TENANT, DataClass.CONVERSATIONS)).contains(Duration.ofDays(730));
        assertThat(defaults.period(TestBed.TENANT, DataClass.PROCESSED_INBOX)).contains(Duration.ofDays(7));
        assertThat(defaults.period(TestBed.TENANT, DataClass.FINISHED_OUTBOX)).contains(Duration.ofDays(30));
        assertThat(defaults.period(TestBed.TENANT, DataClass.AUDIT)).contains(Duration.ofDays(365));
        assertThat(defaults.period(TestBed.TENANT, DataClass.DONE_DELETION_REQUESTS)).contains(Duration.ofDays(90));
        assertThat(defaults.period(TestBed.TENANT, DataClass.DEAD_LETTERS)).contains(Duration.ofDays(30));
    }

    @Test
    void deadLettersHaveNoPeriodOfATenantsOwnSinceTheyBelongToNone() {
        RetentionPolicy.Builder builder = RetentionPolicy.builder()
                .keep(TestBed.TENANT, DataClass.DEAD_LETTERS, Duration.ofDays(5));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DEAD_LETTERS").hasMessageContaining("belong to no tenant");
    }
}
