package dev.conversa.store.contract;

import static dev.conversa.store.contract.Samples.TENANT_A;
import static dev.conversa.store.contract.Samples.TENANT_B;
import static dev.conversa.store.contract.Samples.conversation;
import static dev.conversa.store.contract.Samples.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.InboundEvent;
import dev.conversa.store.Inbox;
import dev.conversa.store.InboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Inbox}: deduplicated appends, reply tasks, counting, purging and
 * erasure. Claiming, leases and fencing are in {@link InboxClaimContract}, concurrency in {@link
 * StoreConcurrencyContract}.
 */
public abstract class InboxContract extends StoreContract {

    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final ConversationKey ANNA = conversation("anna");
    private static final ConversationKey BOB = conversation("bob");

    private Inbox inbox() {
        return stores.inbox();
    }

    @Test
    void appendReturnsTheNewEntriesInOrderWithIncreasingIds() {
        List<InboxEntry> entries = inbox().append(TENANT_A,
                List.of(message(ANNA, "m1", now()), message(BOB, "m2", now()), message(ANNA, "m3", now())), now());

        assertThat(entries).extracting(e -> e.event().orElseThrow().header().externalId())
                .containsExactly("m1", "m2", "m3");
        assertThat(entries.get(0).id()).isLessThan(entries.get(1).id());
        assertThat(entries.get(1).id()).isLessThan(entries.get(2).id());
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.tenant()).isEqualTo(TENANT_A);
            assertThat(e.attempts()).isZero();
            assertThat(e.fence()).isZero();
            assertThat(e.notBefore()).isEqualTo(now());
        });
        assertThat(entries.get(1).conversation()).isEqualTo(BOB);
    }

    @Test
    void appendKeepsTheEventExactly() {
        InboundEvent event = message(ANNA, "m1", inSeconds(-5));

        InboxEntry entry = inbox().append(TENANT_A, List.of(event), now()).get(0);
        InboxEntry claimed = inbox().claim("w", 1, LEASE, now()).get(0);

        assertThat(entry.event()).contains(event);
        assertThat(claimed.event()).contains(event);
        assertThat(claimed.isReplyTask()).isFalse();
    }

    @Test
    void appendReturnsTheDueTimeAsAClaimReadsItBackEvenWithATimeFinerThanTheStoreKeeps() {
        Instant odd = now().minusSeconds(1).plusNanos(123_456_500);

        List<InboxEntry> appended = new ArrayList<>(inbox().append(TENANT_A, List.of(message(ANNA, "m1", now())), odd));
        appended.addAll(inbox().append(TENANT_A,
                List.of(message(BOB, "m2", now()), message(conversation("carla"), "m3", now())), odd));
        List<InboxEntry> claimed = inbox().claim("w", 10, LEASE, now());

        assertThat(claimed).extracting(InboxEntry::id, InboxEntry::notBefore).containsExactlyInAnyOrderElementsOf(
                appended.stream().map(entry -> tuple(entry.id(), entry.notBefore())).toList());
        assertThat(appended).allSatisfy(entry ->
                assertThat(Duration.between(entry.notBefore(), odd).abs()).isLessThan(Duration.ofNanos(1_000)));
    }

    @Test
    void anEventOfTheLastSecondOfTheYear9999IsStoredAsItIs() {
        // the latest time the channels read from a webhook (LenientJson.seconds)
        InboundEvent event = message(ANNA, "m1", Instant.parse("9999-12-31T23:59:59Z"));

        inbox().append(TENANT_A, List.of(event), now());

        assertThat(inbox().claim("w", 1, LEASE, now())).singleElement()
                .satisfies(claimed -> assertThat(claimed.event()).contains(event));
    }

    @Test
    void appendLeavesOutEventsAlreadyRecorded() {
        inbox().append(TENANT_A, List.of(message(ANNA, "m1", now())), now());

        List<InboxEntry> again = inbox().append(TENANT_A,
                List.of(message(ANNA, "m1", now()), message(ANNA, "m2", now())), now());

        assertThat(again).extracting(e -> e.event().orElseThrow().header().externalId()).containsExactly("m2");
        assertThat(inbox().pendingCount()).isEqualTo(2);
    }

    @Test
    void appendDeduplicatesWithinOneBatch() {
        List<InboxEntry> entries = inbox().append(TENANT_A,
                List.of(message(ANNA, "m1", now()), message(ANNA, "m1", now())), now());

        assertThat(entries).hasSize(1);
        assertThat(inbox().pendingCount()).isEqualTo(1);
    }

    @Test
    void sameExternalIdOnAnotherAccountOrChannelIsNotADuplicate() {
        inbox().append(TENANT_A, List.of(message(ANNA, "m1", now())), now());

        List<InboxEntry> entries = inbox().append(TENANT_A, List.of(
                message(new ConversationKey(ChannelType.WHATSAPP, "phone-number-2", "anna"), "m1", now()),
                message(new ConversationKey(ChannelType.MESSENGER, Samples.ACCOUNT, "anna"), "m1", now())), now());

        assertThat(entries).hasSize(2);
    }

    @Test
    void sameEventForAnotherTenantIsNotADuplicate() {
        inbox().append(TENANT_A, List.of(message(ANNA, "m1", now())), now());

        List<InboxEntry> entries = inbox().append(TENANT_B, List.of(message(ANNA, "m1", now())), now());

        assertThat(entries).singleElement().satisfies(e -> assertThat(e.tenant()).isEqualTo(TENANT_B));
    }

    @Test
    void completedEntriesKeepDeduplicating() {
        inbox().append(TENANT_A, List.of(message(ANNA, "m1", now())), now());
        inbox().complete(inbox().claim("w", 1, LEASE, now()).get(0), now());

        assertThat(inbox().append(TENANT_A, List.of(message(ANNA, "m1", now())), inSeconds(3600))).isEmpty();
    }

    @Test
    void purgedEntriesNoLongerDeduplicate() {
        inbox().append(TENANT_A, List.of(message(ANNA, "m1", now())), now());
        inbox().complete(inbox().claim("w", 1, LEASE, now()).get(0), now());
        inbox().purgeCompleted(inSeconds(1));

        assertThat(inbox().append(TENANT_A, List.of(message(ANNA, "m1", now())), inSeconds(2))).hasSize(1);
    }

    @Test
    void parkedEntriesKeepDeduplicating() {
        inbox().append(TENANT_A, List.of(message(ANNA, "m1", now())), now());
        inbox().park(inbox().claim("w", 1, LEASE, now()).get(0), "gave up");

        assertThat(inbox().append(TENANT_A, List.of(message(ANNA, "m1", now())), now())).isEmpty();
    }

    @Test
    void appendRecordsNothingWhenTheBatchHoldsANullEvent() {
        List<InboundEvent> batch = Arrays.asList(message(ANNA, "m1", now()), null);

        assertThatThrownBy(() -> inbox().append(TENANT_A, batch, now())).isInstanceOf(NullPointerException.class);
        assertThat(inbox().pendingCount()).isZero();
    }

    @Test
    void appendOfNothingCreatesNothing() {
        assertThat(inbox().append(TENANT_A, List.of(), now())).isEmpty();
        assertThat(inbox().pendingCount()).isZero();
    }

    @Test
    void scheduledReplyTaskIsClaimedWhenDue() {
        inbox().scheduleReply(TENANT_A, ANNA, inSeconds(5), now());

        assertThat(inbox().claim("w", 10, LEASE, inSeconds(4))).isEmpty();
        List<InboxEntry> claimed = inbox().claim("w", 10, LEASE, inSeconds(5));

        assertThat(claimed).singleElement().satisfies(e -> {
            assertThat(e.isReplyTask()).isTrue();
            assertThat(e.event()).isEmpty();
            assertThat(e.conversation()).isEqualTo(ANNA);
            assertThat(e.tenant()).isEqualTo(TENANT_A);
            assertThat(e.notBefore()).isEqualTo(inSeconds(5));
        });
    }

    @Test
    void schedulingAgainMovesThePendingReplyTask() {
        inbox().scheduleReply(TENANT_A, ANNA, inSeconds(5), now());
        inbox().scheduleReply(TENANT_A, ANNA, inSeconds(10), inSeconds(1));

        assertThat(inbox().pendingCount()).isEqualTo(1);
        assertThat(inbox().claim("w", 10, LEASE, inSeconds(9))).isEmpty();
        assertThat(inbox().claim("w", 10, LEASE, inSeconds(10))).singleElement()
                .satisfies(e -> assertThat(e.notBefore()).isEqualTo(inSeconds(10)));
    }

    @Test
    void schedulingCanMoveTheReplyTaskEarlier() {
        inbox().scheduleReply(TENANT_A, ANNA, inSeconds(10), now());
        inbox().scheduleReply(TENANT_A, ANNA, inSeconds(2), now());

        assertThat(inbox().claim("w", 10, LEASE, inSeconds(2))).hasSize(1);
    }

    @Test
    void schedulingWhileTheReplyTaskIsClaimedAddsANewOne() {
        inbox().scheduleReply(TENANT_A, ANNA, now(), now());
        InboxEntry running = inbox().claim("w", 1, LEASE, now()).get(0);

        inbox().scheduleReply(TENANT_A, ANNA, inSeconds(1), now());
        inbox().complete(running, inSeconds(1));

        assertThat(inbox().claim("w", 10, LEASE, inSeconds(1))).singleElement()
                .satisfies(e -> assertThat(e.id()).isNotEqualTo(running.id()));
    }

    @Test
    void replyTasksOfDifferentConversationsAndTenantsAreSeparate() {
        inbox().scheduleReply(TENANT_A, ANNA, now(), now());
        inbox().scheduleReply(TENANT_A, BOB, now(), now());
        inbox().scheduleReply(TENANT_B, ANNA, now(), now());

        assertThat(inbox().claim("w", 10, LEASE, now())).hasSize(3);
    }

    @Test
    void aTimerIsClaimedWhenDueAsATimerAndNotAsAReplyTask() {
        inbox().scheduleTimer(TENANT_A, ANNA, inSeconds(30), now());

        assertThat(inbox().claim("w", 10, LEASE, inSeconds(29))).isEmpty();
        assertThat(inbox().claim("w", 10, LEASE, inSeconds(30))).singleElement().satisfies(e -> {
            assertThat(e.timer()).isTrue();
            assertThat(e.isReplyTask()).isFalse();
            assertThat(e.event()).isEmpty();
            assertThat(e.conversation()).isEqualTo(ANNA);
            assertThat(e.tenant()).isEqualTo(TENANT_A);
        });
    }

    @Test
    void schedulingATimerAgainMovesItOnlyEarlier() {
        inbox().scheduleTimer(TENANT_A, ANNA, inSeconds(30), now());
        inbox().scheduleTimer(TENANT_A, ANNA, inSeconds(60), now());
        inbox().scheduleTimer(TENANT_A, ANNA, inSeconds(20), now());

        assertThat(inbox().pendingCount()).isEqualTo(1);
        assertThat(inbox().claim("w", 10, LEASE, inSeconds(19))).isEmpty();
        assertThat(inbox().claim("w", 10, LEASE, inSeconds(20))).singleElement()
                .satisfies(e -> assertThat(e.notBefore()).isEqualTo(inSeconds(20)));
    }

    @Test
    void aTimerAndAReplyTaskOfOneConversationAreSeparateAndTakenOneAtATime() {
        inbox().scheduleReply(TENANT_A, ANNA, inSeconds(5), now());
        inbox().scheduleTimer(TENANT_A, ANNA, inSeconds(5), now());
        inbox().scheduleTimer(TENANT_A, BOB, inSeconds(99), now());

        List<InboxEntry> first = inbox().claim("w", 10, LEASE, inSeconds(5));
        assertThat(first).hasSize(1);
        inbox().complete(first.get(0), inSeconds(5));
        List<InboxEntry> second = inbox().claim("w", 10, LEASE, inSeconds(5));

        assertThat(second).hasSize(1);
        assertThat(List.of(first.get(0).timer(), second.get(0).timer())).containsExactlyInAnyOrder(true, false);
        assertThat(inbox().pendingCount()).isEqualTo(2);
    }

    @Test
    void aTimerNotYetDueHoldsBackNoEvent() {
        inbox().scheduleTimer(TENANT_A, ANNA, inSeconds(60), now());
        inbox().append(TENANT_A, List.of(message(ANNA, "m1", now())), now());

        assertThat(inbox().claim("w", 10, LEASE, inSeconds(1))).singleElement()
                .satisfies(e -> assertThat(e.event()).isPresent());
    }

    @Test
    void schedulingATimerWhileOneIsClaimedAddsANewOne() {
        inbox().scheduleTimer(TENANT_A, ANNA, now(), now());
        InboxEntry running = inbox().claim("w", 1, LEASE, now()).get(0);

        inbox().scheduleTimer(TENANT_A, ANNA, inSeconds(1), now());
        inbox().complete(running, inSeconds(1));

        assertThat(inbox().claim("w", 10, LEASE, inSeconds(1))).singleElement().satisfies(e -> {
            assertThat(e.id()).isNotEqualTo(running.id());
            assertThat(e.timer()).isTrue();
        });
    }

    @Test
    void hasWaitingTellsWhetherAnEntryOfTheConversationWaitsToBeClaimed() {
        assertThat(inbox().hasWaiting(TENANT_A, ANNA)).as("nothing recorded").isFalse();
        inbox().append(TENANT_A, List.of(message(ANNA, "m1", now())), now());
        inbox().append(TENANT_B, List.of(message(BOB, "m2", now())), now());
        inbox().append(TENANT_A, List.of(message(conversation("carl"), "m3", now())), now());
        assertThat(inbox().hasWaiting(TENANT_A, ANNA)).as("an event pending").isTrue();
        assertThat(inbox().hasWaiting(TENANT_A, BOB)).as("another tenant's conversation").isFalse();

        List<InboxEntry> claimed = inbox().claim("w", 10, LEASE, now());
        InboxEntry held = claimed.stream().filter(entry -> entry.conversation().equals(ANNA)
                && entry.tenant().equals(TENANT_A)).findFirst().orElseThrow();
        claimed.stream().filter(entry -> entry != held).forEach(entry -> inbox().complete(entry, now()));
        assertThat(inbox().hasWaiting(TENANT_A, ANNA)).as("the only entry claimed").isFalse();
        inbox().scheduleReply(TENANT_A, ANNA, inSeconds(60), now());
        assertThat(inbox().hasWaiting(TENANT_A, ANNA)).as("a reply task not yet due").isTrue();
        inbox().complete(held, now());
        assertThat(inbox().claim("w", 10, LEASE, inSeconds(60))).singleElement()
                .satisfies(task -> inbox().complete(task, inSeconds(60)));
        assertThat(inbox().hasWaiting(TENANT_A, ANNA)).as("everything completed").isFalse();

        inbox().scheduleTimer(TENANT_A, ANNA, inSeconds(90), now());
        assertThat(inbox().hasWaiting(TENANT_A, ANNA)).as("a timer not yet due").isTrue();
        InboxEntry timer = inbox().claim("w", 10, LEASE, inSeconds(90)).get(0);
        inbox().retry(timer, inSeconds(200), "failed once");
        assertThat(inbox().hasWaiting(TENANT_A, ANNA)).as("given back to be tried again").isTrue();
        inbox().park(inbox().claim("w", 10, LEASE, inSeconds(200)).get(0), "gave up");
        assertThat(inbox().hasWaiting(TENANT_A, ANNA)).as("parked").isFalse();
    }

    @Test
    void pendingCountCountsEntriesNotYetCompletedOrParked() {
        inbox().append(TENANT_A, List.of(message(ANNA, "m1", now()), message(BOB, "m2", now())), now());
        inbox().append(TENANT_B, List.of(message(ANNA, "m3", now())), now());
        inbox().scheduleReply(TENANT_A, ANNA, inSeconds(60), now());
        List<InboxEntry> claimed = inbox().claim("w", 10, LEASE, now());

        inbox().complete(claimed.get(0), now());
        inbox().park(claimed.get(1), "gave up");

        assertThat(inbox().pendingCount()).isEqualTo(2);
    }

    @Test
    void parkedCountAndOldestPendingAtSpanEveryTenant() {
        assertThat(inbox().oldestPendingAt()).isEmpty();
        assertThat(inbox().parkedCount()).isZero();
        inbox().append(TENANT_A, List.of(message(ANNA, "m1", now()), message(BOB, "m2", now())), now());
        inbox().append(TENANT_B, List.of(message(ANNA, "m3", now())), inSeconds(5));
        inbox().scheduleReply(TENANT_B, BOB, inSeconds(60), inSeconds(10));
        List<InboxEntry> claimed = inbox().claim("w", 10, LEASE, inSeconds(20));

        assertThat(inbox().oldestPendingAt()).contains(now());
        inbox().complete(claimed.stream().filter(e -> e.tenant().equals(TENANT_A)).findFirst().orElseThrow(),
                inSeconds(20));
        inbox().park(claimed.stream().filter(e -> e.tenant().equals(TENANT_A)).skip(1).findFirst().orElseThrow(),
                "gave up");

        assertThat(inbox().parkedCount()).isEqualTo(1);
        assertThat(inbox().oldestPendingAt()).contains(inSeconds(5));
        inbox().park(claimed.stream().filter(e -> e.tenant().equals(TENANT_B)).findFirst().orElseThrow(),
                "gave up");
        assertThat(inbox().parkedCount()).isEqualTo(2);
        assertThat(inbox().oldestPendingAt()).contains(inSeconds(10));
    }

    @Test
    void purgeCompletedRemovesOnlyEntriesCompletedBeforeTheTime() {
        inbox().append(TENANT_A, List.of(message(ANNA, "m1", now()), message(BOB, "m2", now()),
                message(conversation("cleo"), "m3", now())), now());
        List<InboxEntry> claimed = inbox().claim("w", 10, LEASE, now());
        inbox().complete(claimed.get(0), now());
        inbox().complete(claimed.get(1), inSeconds(10));

        int purged = inbox().purgeCompleted(inSeconds(5));

        assertThat(purged).isEqualTo(1);
        assertThat(inbox().append(TENANT_A, List.of(message(ANNA, "m1", now())), inSeconds(11))).hasSize(1);
        assertThat(inbox().append(TENANT_A, List.of(message(BOB, "m2", now())), inSeconds(11))).isEmpty();
        assertThat(inbox().pendingCount()).isEqualTo(2);
    }

    @Test
    void deleteConversationRemovesEveryEntryOfThatConversationOnly() {
        inbox().append(TENANT_A, List.of(message(ANNA, "m1", now()), message(ANNA, "m2", now()),
                message(BOB, "m3", now())), now());
        inbox().scheduleReply(TENANT_A, ANNA, now(), now());
        inbox().append(TENANT_B, List.of(message(ANNA, "m1", now())), now());

        int removed = inbox().deleteConversation(TENANT_A, ANNA);

        assertThat(removed).isEqualTo(3);
        List<InboxEntry> left = new ArrayList<>(inbox().claim("w", 10, LEASE, now()));
        assertThat(left).extracting(e -> e.tenant().value() + "/" + e.conversation().contactId())
                .containsExactlyInAnyOrder("tenant-a/bob", "tenant-b/anna");
    }

    @Test
    void deleteConversationOfAnotherTenantRemovesNothing() {
        inbox().append(TENANT_A, List.of(message(ANNA, "m1", now())), now());

        assertThat(inbox().deleteConversation(TENANT_B, ANNA)).isZero();
        assertThat(inbox().pendingCount()).isEqualTo(1);
    }

    @Test
    void parkedListsATenantsParkedEntriesOldestFirst() {
        inbox().append(TENANT_A, List.of(message(ANNA, "m1", now()), message(BOB, "m2", now()),
                message(conversation("cleo"), "m3", now())), now());
        inbox().append(TENANT_B, List.of(message(ANNA, "m4", now())), now());
        List<InboxEntry> claimed = inbox().claim("w", 10, LEASE, now());
        for (InboxEntry entry : claimed) {
            inbox().park(entry, "gave up");
        }

        List<InboxEntry> parked = inbox().parked(TENANT_A, 2);

        assertThat(parked).extracting(e -> e.event().map(ev -> ev.header().externalId()))
                .containsExactly(Optional.of("m1"), Optional.of("m2"));
        assertThat(inbox().parked(TENANT_B, 10)).hasSize(1);
    }
}
