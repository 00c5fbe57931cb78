package dev.conversa.store.contract;

import static dev.conversa.store.contract.Samples.TENANT_A;
import static dev.conversa.store.contract.Samples.TENANT_B;
import static dev.conversa.store.contract.Samples.conversation;
import static dev.conversa.store.contract.Samples.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.model.ConversationKey;
import dev.conversa.model.Text;
import dev.conversa.store.LeaseLostException;
import dev.conversa.store.Outbox;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Outbox}: idempotent enqueueing, one send per conversation at a time in
 * order, fencing, and sends interrupted by a lost lease that are never repeated.
 */
public abstract class OutboxContract extends StoreContract {

    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final ConversationKey ANNA = conversation("anna");
    private static final ConversationKey BOB = conversation("bob");

    private Outbox outbox() {
        return stores.outbox();
    }

    private OutboxEntry enqueue(ConversationKey to, String key) {
        return outbox().enqueue(TENANT_A, reply(to, "text " + key), key, now());
    }

    private OutboxEntry claimAndStartSending(String worker) {
        OutboxEntry claimed = outbox().claim(worker, 10, LEASE, now()).get(0);
        return outbox().markSending(claimed, LEASE, now());
    }

    private static String body(OutboxEntry entry) {
        return ((Text) entry.message().content()).body();
    }

    @Test
    void enqueueRecordsAPendingEntry() {
        OutboxEntry entry = outbox().enqueue(TENANT_A, reply(ANNA, "hi"), "inbox-1:0", now());

        assertThat(entry.id()).isPositive();
        assertThat(entry.tenant()).isEqualTo(TENANT_A);
        assertThat(entry.message()).isEqualTo(reply(ANNA, "hi"));
        assertThat(entry.idempotencyKey()).isEqualTo("inbox-1:0");
        assertThat(entry.state()).isEqualTo(OutboxState.PENDING);
        assertThat(entry.attempts()).isZero();
        assertThat(entry.notBefore()).isEqualTo(now());
        assertThat(entry.createdAt()).isEqualTo(now());
        assertThat(entry.channelMessageId()).isEmpty();
        assertThat(entry.lastError()).isEmpty();
        assertThat(entry.fence()).isZero();
        assertThat(outbox().find(TENANT_A, entry.id())).contains(entry);
    }

    @Test
    void claimNextClaimsTheConversationsNextEntryOnceTheOneBeforeWasSent() {
        enqueue(ANNA, "typing");
        enqueue(ANNA, "reply");
        enqueue(ANNA, "later");
        enqueue(BOB, "bob");
        OutboxEntry first = outbox().markSending(outbox().claim("w", 1, LEASE, now()).get(0), LEASE, now());
        assertThat(outbox().claimNext("w", TENANT_A, ANNA, LEASE, now())).as("while the first is sending").isEmpty();

        outbox().markSent(first, Optional.of("wamid.1"), now());
        Optional<OutboxEntry> next = outbox().claimNext("w", TENANT_A, ANNA, LEASE, now());

        assertThat(next).hasValueSatisfying(entry -> {
            assertThat(entry.idempotencyKey()).isEqualTo("reply");
            assertThat(entry.state()).isEqualTo(OutboxState.PENDING);
            assertThat(entry.attempts()).isEqualTo(1);
            assertThat(entry.fence()).as("claimed under a fence").isPositive();
        });
        assertThat(outbox().claimNext("w", TENANT_A, ANNA, LEASE, now())).as("the lane is held by its claim")
                .isEmpty();
        assertThat(outbox().claim("w", 10, LEASE, now())).as("a general claim skips the held lane")
                .extracting(OutboxEntry::idempotencyKey).containsExactly("bob");
        OutboxEntry sending = outbox().markSending(next.get(), LEASE, now());
        outbox().markSent(sending, Optional.of("wamid.2"), now());
        assertThat(outbox().claimNext("w", TENANT_A, ANNA, LEASE, now())).map(OutboxEntry::idempotencyKey)
                .contains("later");
    }

    @Test
    void markSentAndClaimNextRecordsTheSendAndClaimsTheConversationsNextEntry() {
        enqueue(ANNA, "typing");
        enqueue(ANNA, "reply");
        enqueue(BOB, "bob");
        OutboxEntry first = outbox().claim("w", 1, LEASE, now()).get(0);

        Optional<OutboxEntry> next = outbox().markSentAndClaimNext(first, Optional.empty(), "w", LEASE, now());

        assertThat(outbox().find(TENANT_A, first.id())).map(OutboxEntry::state).contains(OutboxState.SENT);
        assertThat(next).map(OutboxEntry::idempotencyKey).contains("reply");
        OutboxEntry sending = outbox().markSending(next.get(), LEASE, now());
        assertThat(outbox().markSentAndClaimNext(sending, Optional.of("wamid.2"), "w", LEASE, now()))
                .as("nothing else queued in the conversation").isEmpty();
        assertThat(outbox().find(TENANT_A, sending.id())).hasValueSatisfying(entry -> {
            assertThat(entry.state()).isEqualTo(OutboxState.SENT);
            assertThat(entry.channelMessageId()).contains("wamid.2");
        });
        assertThatThrownBy(() -> outbox().markSentAndClaimNext(sending, Optional.of("wamid.2"), "w", LEASE, now()))
                .as("no longer claimed").isInstanceOf(LeaseLostException.class);
        assertThat(outbox().claim("w", 10, LEASE, now())).extracting(OutboxEntry::idempotencyKey)
                .containsExactly("bob");
    }

    @Test
    void claimNextClaimsNothingNotDueOfAnotherTenantOrOfAnEmptyConversation() {
        outbox().enqueue(TENANT_A, reply(ANNA, "later"), "later", now());
        OutboxEntry claimed = outbox().claim("w", 1, LEASE, now()).get(0);
        outbox().retry(claimed, inSeconds(30), "throttled");

        assertThat(outbox().claimNext("w", TENANT_A, ANNA, LEASE, now())).as("not due").isEmpty();
        assertThat(outbox().claimNext("w", TENANT_B, ANNA, LEASE, inSeconds(31))).as("another tenant").isEmpty();
        assertThat(outbox().claimNext("w", TENANT_A, BOB, LEASE, inSeconds(31))).as("nothing queued").isEmpty();
        assertThat(outbox().claimNext("w", TENANT_A, ANNA, LEASE, inSeconds(31))).as("due now").isPresent();
    }

    @Test
    void countByStateCountsEveryTenantsEntriesWithEveryStateAKey() {
        assertThat(outbox().countByState()).containsOnlyKeys(OutboxState.values()).allSatisfy(
                (state, count) -> assertThat(count).isZero());
        enqueue(ANNA, "k1");
        enqueue(BOB, "k2");
        outbox().enqueue(TENANT_B, reply(ANNA, "other tenant"), "k3", now());
        outbox().enqueue(TENANT_B, reply(conversation("cleo"), "still waiting"), "k4", now());
        List<OutboxEntry> claimed = outbox().claim("w", 3, LEASE, now());
        outbox().markSent(claimed.get(0), Optional.of("wamid.1"), now());
        outbox().markDead(claimed.get(1), "refused");
        outbox().markUncertain(outbox().markSending(claimed.get(2), LEASE, now()), "no answer");

        assertThat(outbox().countByState()).containsEntry(OutboxState.PENDING, 1L)
                .containsEntry(OutboxState.SENDING, 0L).containsEntry(OutboxState.SENT, 1L)
                .containsEntry(OutboxState.DEAD, 1L).containsEntry(OutboxState.SEND_UNCERTAIN, 1L);
    }

    @Test
    void enqueueReturnsTheEntryAsItIsReadBackEvenWithATimeFinerThanTheStoreKeeps() {
        Instant odd = now().plusNanos(123_456_789);

        OutboxEntry entry = outbox().enqueue(TENANT_A, reply(ANNA, "hi"), "inbox-1:0", false, odd);

        assertThat(outbox().find(TENANT_A, entry.id())).contains(entry);
        assertThat(Duration.between(entry.createdAt(), odd).abs()).isLessThan(Duration.ofNanos(1_000));
    }

    @Test
    void enqueueKeepsWhetherTheEntryCompletesAHandoff() {
        OutboxEntry handoff = outbox().enqueue(TENANT_A, reply(ANNA, "a colleague will answer"), "k1", true, now());
        OutboxEntry answer = outbox().enqueue(TENANT_A, reply(ANNA, "hi"), "handoff:k2", now());

        assertThat(handoff.completesHandoff()).isTrue();
        assertThat(outbox().find(TENANT_A, handoff.id()).orElseThrow().completesHandoff()).isTrue();
        assertThat(outbox().claim("w", 10, LEASE, now()).get(0).completesHandoff()).isTrue();
        assertThat(outbox().find(TENANT_A, answer.id()).orElseThrow().completesHandoff()).isFalse();
    }

    @Test
    void enqueueWithAKnownKeyReturnsTheExistingEntry() {
        OutboxEntry first = outbox().enqueue(TENANT_A, reply(ANNA, "first"), "k", now());

        OutboxEntry second = outbox().enqueue(TENANT_A, reply(ANNA, "second"), "k", inSeconds(5));

        assertThat(second).isEqualTo(first);
        assertThat(outbox().list(TENANT_A, OutboxState.PENDING, 10)).hasSize(1);
    }

    @Test
    void theSameKeyInAnotherTenantIsAnotherEntry() {
        OutboxEntry mine = outbox().enqueue(TENANT_A, reply(ANNA, "a"), "k", now());

        OutboxEntry theirs = outbox().enqueue(TENANT_B, reply(ANNA, "b"), "k", now());

        assertThat(theirs.id()).isNotEqualTo(mine.id());
        assertThat(theirs.tenant()).isEqualTo(TENANT_B);
    }

    @Test
    void idsIncreaseInOrderOfEnqueueing() {
        OutboxEntry first = enqueue(ANNA, "k1");
        OutboxEntry second = enqueue(BOB, "k2");

        assertThat(second.id()).isGreaterThan(first.id());
    }

    @Test
    void claimLeavesEntriesPendingWithAFenceAndCountsTheAttempt() {
        OutboxEntry entry = enqueue(ANNA, "k1");

        OutboxEntry claimed = outbox().claim("w", 10, LEASE, now()).get(0);

        assertThat(claimed.id()).isEqualTo(entry.id());
        assertThat(claimed.state()).isEqualTo(OutboxState.PENDING);
        assertThat(claimed.fence()).isPositive();
        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(outbox().find(TENANT_A, entry.id()).orElseThrow().state()).isEqualTo(OutboxState.PENDING);
    }

    @Test
    void markSendingMarksTheClaimedEntrySendingUnderTheSameFence() {
        OutboxEntry entry = enqueue(ANNA, "k1");
        OutboxEntry claimed = outbox().claim("w", 10, LEASE, now()).get(0);

        OutboxEntry sending = outbox().markSending(claimed, LEASE, now());

        assertThat(sending.state()).isEqualTo(OutboxState.SENDING);
        assertThat(sending.fence()).isEqualTo(claimed.fence());
        assertThat(sending.attempts()).isEqualTo(1);
        assertThat(outbox().find(TENANT_A, entry.id()).orElseThrow()).as("the entry returned is the entry as stored")
                .isEqualTo(sending);
    }

    @Test
    void markSendingAnEntryNeverClaimedOrWithAStaleFenceThrowsLeaseLost() {
        OutboxEntry entry = enqueue(ANNA, "k1");
        assertThatThrownBy(() -> outbox().markSending(entry, LEASE, now())).isInstanceOf(LeaseLostException.class);
        OutboxEntry first = outbox().claim("w1", 10, LEASE, now()).get(0);
        outbox().claim("w2", 10, LEASE, now().plus(LEASE));

        assertThatThrownBy(() -> outbox().markSending(first, LEASE, now().plus(LEASE)))
                .isInstanceOf(LeaseLostException.class);
        assertThat(outbox().find(TENANT_A, entry.id()).orElseThrow().state()).isEqualTo(OutboxState.PENDING);
    }

    @Test
    void claimedEntryWhoseLeaseExpiredBeforeSendingIsClaimedAgainNotUncertain() {
        enqueue(ANNA, "k1");
        OutboxEntry first = outbox().claim("w1", 10, LEASE, now()).get(0);

        List<OutboxEntry> again = outbox().claim("w2", 10, LEASE, now().plus(LEASE));

        assertThat(again).extracting(OutboxEntry::id).containsExactly(first.id());
        assertThat(again.get(0).state()).isEqualTo(OutboxState.PENDING);
        assertThat(again.get(0).fence()).isGreaterThan(first.fence());
        assertThat(again.get(0).attempts()).isEqualTo(2);
        assertThat(outbox().list(TENANT_A, OutboxState.SEND_UNCERTAIN, 10)).isEmpty();
        assertThatThrownBy(() -> outbox().markSent(first, Optional.of("wamid.1"), now().plus(LEASE)))
                .isInstanceOf(LeaseLostException.class);
    }

    @Test
    void renewKeepsAClaimPastItsFirstLease() {
        enqueue(ANNA, "k1");
        enqueue(ANNA, "k2");
        OutboxEntry sending = claimAndStartSending("w1");

        outbox().renew(sending, LEASE, now().plus(LEASE).minusSeconds(1));
        List<OutboxEntry> others = outbox().claim("w2", 10, LEASE, now().plus(LEASE).plusSeconds(10));

        assertThat(others).isEmpty();
        assertThat(outbox().find(TENANT_A, sending.id()).orElseThrow().state()).isEqualTo(OutboxState.SENDING);
        outbox().markSent(sending, Optional.of("wamid.1"), now().plus(LEASE).plusSeconds(20));
        assertThat(outbox().find(TENANT_A, sending.id()).orElseThrow().state()).isEqualTo(OutboxState.SENT);
    }

    @Test
    void renewKeepsAPendingClaimToo() {
        enqueue(ANNA, "k1");
        OutboxEntry claimed = outbox().claim("w1", 10, LEASE, now()).get(0);

        outbox().renew(claimed, LEASE, now().plus(LEASE).minusSeconds(1));

        assertThat(outbox().claim("w2", 10, LEASE, now().plus(LEASE).plusSeconds(10))).isEmpty();
        OutboxEntry sending = outbox().markSending(claimed, LEASE, now().plus(LEASE).plusSeconds(10));
        assertThat(sending.state()).isEqualTo(OutboxState.SENDING);
    }

    @Test
    void renewAfterTheClaimWasLostThrowsLeaseLost() {
        enqueue(ANNA, "k1");
        OutboxEntry sending = claimAndStartSending("w1");
        outbox().claim("w2", 10, LEASE, now().plus(LEASE));

        assertThatThrownBy(() -> outbox().renew(sending, LEASE, now().plus(LEASE)))
                .isInstanceOf(LeaseLostException.class);
        assertThat(outbox().find(TENANT_A, sending.id()).orElseThrow().state())
                .isEqualTo(OutboxState.SEND_UNCERTAIN);
    }

    @Test
    void sendingListsOnlyTheConversationsEntriesBeingSentNow() {
        enqueue(ANNA, "k1");
        enqueue(BOB, "k2");
        OutboxEntry annas = outbox().claim("w", 10, LEASE, now()).get(0);
        outbox().markSending(annas, LEASE, now());
        outbox().enqueue(TENANT_B, reply(ANNA, "theirs"), "k3", now());

        assertThat(outbox().sending(TENANT_A, ANNA)).extracting(OutboxEntry::idempotencyKey).containsExactly("k1");
        assertThat(outbox().sending(TENANT_A, BOB)).isEmpty();
        assertThat(outbox().sending(TENANT_B, ANNA)).isEmpty();
        OutboxEntry sending = outbox().sending(TENANT_A, ANNA).get(0);
        outbox().markSent(sending, Optional.of("wamid.1"), now());
        assertThat(outbox().sending(TENANT_A, ANNA)).isEmpty();
    }

    @Test
    void claimReturnsAtMostOneEntryPerConversationOldestFirst() {
        enqueue(ANNA, "k1");
        enqueue(ANNA, "k2");
        enqueue(BOB, "k3");

        List<OutboxEntry> claimed = outbox().claim("w", 10, LEASE, now());

        assertThat(claimed).extracting(OutboxEntry::idempotencyKey).containsExactly("k1", "k3");
    }

    @Test
    void claimReturnsNoMoreThanMax() {
        enqueue(ANNA, "k1");
        enqueue(BOB, "k2");

        assertThat(outbox().claim("w", 1, LEASE, now())).extracting(OutboxEntry::idempotencyKey)
                .containsExactly("k1");
    }

    @Test
    void claimRejectsANonPositiveMaxOrLease() {
        assertThatThrownBy(() -> outbox().claim("w", 0, LEASE, now())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox().claim("w", 1, Duration.ofSeconds(-1), now()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void claimTakesNothingFromAConversationWithAnEntryClaimed() {
        enqueue(ANNA, "k1");
        outbox().claim("w1", 10, LEASE, now());
        enqueue(ANNA, "k2");

        assertThat(outbox().claim("w2", 10, LEASE, inSeconds(10))).isEmpty();
    }

    @Test
    void claimTakesNothingFromAConversationWithAnEntrySending() {
        enqueue(ANNA, "k1");
        claimAndStartSending("w1");
        enqueue(ANNA, "k2");

        assertThat(outbox().claim("w2", 10, LEASE, inSeconds(10))).isEmpty();
    }

    @Test
    void markSentRecordsTheChannelIdAndReleasesTheNextEntry() {
        enqueue(ANNA, "k1");
        enqueue(ANNA, "k2");
        OutboxEntry claimed = outbox().claim("w", 10, LEASE, now()).get(0);

        outbox().markSent(claimed, Optional.of("wamid.1"), inSeconds(1));

        OutboxEntry sent = outbox().find(TENANT_A, claimed.id()).orElseThrow();
        assertThat(sent.state()).isEqualTo(OutboxState.SENT);
        assertThat(sent.channelMessageId()).contains("wamid.1");
        assertThat(outbox().claim("w", 10, LEASE, inSeconds(1))).extracting(OutboxEntry::idempotencyKey)
                .containsExactly("k2");
    }

    @Test
    void markSentWithoutAChannelIdIsAllowedForMarkers() {
        enqueue(ANNA, "k1");
        OutboxEntry claimed = outbox().claim("w", 10, LEASE, now()).get(0);

        outbox().markSent(claimed, Optional.empty(), now());

        assertThat(outbox().list(TENANT_A, OutboxState.SENT, 10)).singleElement()
                .satisfies(e -> assertThat(e.channelMessageId()).isEmpty());
    }

    @Test
    void retriedEntryIsClaimedAgainFromNotBeforeKeepingItsError() {
        enqueue(ANNA, "k1");
        OutboxEntry first = outbox().claim("w", 10, LEASE, now()).get(0);

        outbox().retry(first, inSeconds(30), "graph 503");

        OutboxEntry pending = outbox().find(TENANT_A, first.id()).orElseThrow();
        assertThat(pending.state()).isEqualTo(OutboxState.PENDING);
        assertThat(pending.lastError()).contains("graph 503");
        assertThat(outbox().claim("w", 10, LEASE, inSeconds(29))).isEmpty();
        OutboxEntry second = outbox().claim("w", 10, LEASE, inSeconds(30)).get(0);
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.fence()).isGreaterThan(first.fence());
    }

    @Test
    void postponeGivesTheEntryBackWithoutCountingTheClaimAsAnAttempt() {
        enqueue(ANNA, "k1");
        enqueue(ANNA, "k2");
        OutboxEntry first = outbox().claim("w", 10, LEASE, now()).get(0);

        outbox().postpone(first, inSeconds(30), "parked: the access token was refused");

        OutboxEntry pending = outbox().find(TENANT_A, first.id()).orElseThrow();
        assertThat(pending.state()).isEqualTo(OutboxState.PENDING);
        assertThat(pending.attempts()).isZero();
        assertThat(pending.lastError()).contains("parked: the access token was refused");
        assertThat(outbox().claim("w", 10, LEASE, inSeconds(29))).isEmpty();
        OutboxEntry again = outbox().claim("w", 10, LEASE, inSeconds(30)).get(0);
        assertThat(again.idempotencyKey()).isEqualTo("k1");
        assertThat(again.attempts()).isEqualTo(1);
        assertThatThrownBy(() -> outbox().postpone(first, now(), "x")).isInstanceOf(LeaseLostException.class);
    }

    @Test
    void entryWaitingForRetryHoldsBackTheLaterEntriesOfItsConversation() {
        enqueue(ANNA, "k1");
        enqueue(ANNA, "k2");
        enqueue(BOB, "k3");
        outbox().retry(outbox().claim("w", 1, LEASE, now()).get(0), inSeconds(30), "graph 503");

        assertThat(outbox().claim("w", 10, LEASE, inSeconds(1))).extracting(OutboxEntry::idempotencyKey)
                .containsExactly("k3");
    }

    @Test
    void markDeadRecordsTheErrorAndReleasesTheNextEntry() {
        enqueue(ANNA, "k1");
        enqueue(ANNA, "k2");
        OutboxEntry claimed = outbox().claim("w", 10, LEASE, now()).get(0);

        outbox().markDead(claimed, "graph 131047 outside window");

        OutboxEntry dead = outbox().find(TENANT_A, claimed.id()).orElseThrow();
        assertThat(dead.state()).isEqualTo(OutboxState.DEAD);
        assertThat(dead.lastError()).contains("graph 131047 outside window");
        assertThat(outbox().claim("w", 10, LEASE, now())).extracting(OutboxEntry::idempotencyKey)
                .containsExactly("k2");
    }

    @Test
    void markUncertainRecordsTheErrorNeverResendsAndReleasesTheNextEntry() {
        enqueue(ANNA, "k1");
        enqueue(ANNA, "k2");
        OutboxEntry claimed = outbox().claim("w", 10, LEASE, now()).get(0);

        outbox().markUncertain(claimed, "Graph API call timed out");

        OutboxEntry uncertain = outbox().find(TENANT_A, claimed.id()).orElseThrow();
        assertThat(uncertain.state()).isEqualTo(OutboxState.SEND_UNCERTAIN);
        assertThat(uncertain.lastError()).contains("Graph API call timed out");
        assertThat(outbox().claim("w", 10, LEASE, now())).extracting(OutboxEntry::idempotencyKey)
                .containsExactly("k2");
        assertThat(outbox().list(TENANT_A, OutboxState.SEND_UNCERTAIN, 10)).extracting(OutboxEntry::id)
                .containsExactly(claimed.id());
    }

    @Test
    void sendingEntryWhoseLeaseExpiredBecomesUncertainAndIsNeverSentAgain() {
        enqueue(ANNA, "k1");
        enqueue(ANNA, "k2");
        OutboxEntry claimed = claimAndStartSending("w1");

        List<OutboxEntry> next = outbox().claim("w2", 10, LEASE, now().plus(LEASE));

        assertThat(next).extracting(OutboxEntry::idempotencyKey).containsExactly("k2");
        assertThat(outbox().find(TENANT_A, claimed.id()).orElseThrow().state())
                .isEqualTo(OutboxState.SEND_UNCERTAIN);
        assertThat(outbox().list(TENANT_A, OutboxState.SEND_UNCERTAIN, 10)).extracting(OutboxEntry::id)
                .containsExactly(claimed.id());
    }

    @Test
    void sendingEntryWithALiveLeaseStaysSending() {
        enqueue(ANNA, "k1");
        OutboxEntry claimed = claimAndStartSending("w1");

        outbox().claim("w2", 10, LEASE, now().plus(LEASE).minusMillis(1));

        assertThat(outbox().find(TENANT_A, claimed.id()).orElseThrow().state()).isEqualTo(OutboxState.SENDING);
    }

    @Test
    void markSentAfterTheEntryBecameUncertainThrowsLeaseLost() {
        enqueue(ANNA, "k1");
        OutboxEntry claimed = claimAndStartSending("w1");
        outbox().claim("w2", 10, LEASE, now().plus(LEASE));

        assertThatThrownBy(() -> outbox().markSent(claimed, Optional.of("wamid.1"), now().plus(LEASE)))
                .isInstanceOf(LeaseLostException.class);
        assertThat(outbox().find(TENANT_A, claimed.id()).orElseThrow().state())
                .isEqualTo(OutboxState.SEND_UNCERTAIN);
    }

    @Test
    void finishingAnEntryTwiceThrowsLeaseLost() {
        enqueue(ANNA, "k1");
        OutboxEntry claimed = outbox().claim("w", 10, LEASE, now()).get(0);
        outbox().markSent(claimed, Optional.of("wamid.1"), now());

        assertThatThrownBy(() -> outbox().markSent(claimed, Optional.of("wamid.2"), now()))
                .isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> outbox().retry(claimed, now(), "x")).isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> outbox().markDead(claimed, "x")).isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> outbox().markUncertain(claimed, "x")).isInstanceOf(LeaseLostException.class);
        assertThat(outbox().find(TENANT_A, claimed.id()).orElseThrow().channelMessageId()).contains("wamid.1");
    }

    @Test
    void finishingAnEntryNeverClaimedThrowsLeaseLost() {
        OutboxEntry entry = enqueue(ANNA, "k1");

        assertThatThrownBy(() -> outbox().markDead(entry, "x")).isInstanceOf(LeaseLostException.class);
        assertThat(outbox().find(TENANT_A, entry.id()).orElseThrow().state()).isEqualTo(OutboxState.PENDING);
    }

    @Test
    void finishingAnEntryAsAnotherTenantThrowsLeaseLost() {
        enqueue(ANNA, "k1");
        OutboxEntry claimed = outbox().claim("w", 10, LEASE, now()).get(0);
        OutboxEntry forged = new OutboxEntry(claimed.id(), TENANT_B, claimed.message(), claimed.idempotencyKey(),
                claimed.state(), claimed.attempts(), claimed.notBefore(), claimed.channelMessageId(),
                claimed.lastError(), claimed.fence(), claimed.createdAt(), claimed.completesHandoff());

        assertThatThrownBy(() -> outbox().markSent(forged, Optional.empty(), now()))
                .isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> outbox().markSending(forged, LEASE, now())).isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> outbox().renew(forged, LEASE, now())).isInstanceOf(LeaseLostException.class);
        assertThat(outbox().find(TENANT_A, claimed.id()).orElseThrow().state()).isEqualTo(OutboxState.PENDING);
    }

    @Test
    void findAndListSeeOnlyTheTenantsOwnEntries() {
        OutboxEntry mine = enqueue(ANNA, "k1");
        outbox().enqueue(TENANT_B, reply(ANNA, "theirs"), "k9", now());

        assertThat(outbox().find(TENANT_B, mine.id())).isEmpty();
        assertThat(outbox().list(TENANT_A, OutboxState.PENDING, 10)).extracting(OutboxEntry::id)
                .containsExactly(mine.id());
    }

    @Test
    void listReturnsEntriesInAStateOldestFirstUpToTheLimit() {
        enqueue(ANNA, "k1");
        enqueue(BOB, "k2");
        enqueue(conversation("cleo"), "k3");
        outbox().markSent(outbox().claim("w", 1, LEASE, now()).get(0), Optional.of("wamid.1"), now());

        assertThat(outbox().list(TENANT_A, OutboxState.PENDING, 1)).extracting(OutboxEntry::idempotencyKey)
                .containsExactly("k2");
        assertThat(outbox().list(TENANT_A, OutboxState.PENDING, 10)).extracting(OutboxEntry::idempotencyKey)
                .containsExactly("k2", "k3");
        assertThat(outbox().list(TENANT_A, OutboxState.SENT, 10)).extracting(OutboxContract::body)
                .containsExactly("text k1");
    }

    @Test
    void deleteConversationRemovesOnlyThatConversationOfThatTenant() {
        enqueue(ANNA, "k1");
        enqueue(ANNA, "k2");
        enqueue(BOB, "k3");
        outbox().enqueue(TENANT_B, reply(ANNA, "theirs"), "k1", now());

        assertThat(outbox().deleteConversation(TENANT_A, ANNA)).isEqualTo(2);
        assertThat(outbox().list(TENANT_A, OutboxState.PENDING, 10)).extracting(OutboxEntry::idempotencyKey)
                .containsExactly("k3");
        assertThat(outbox().list(TENANT_B, OutboxState.PENDING, 10)).hasSize(1);
    }

    @Test
    void enqueueAfterTheEntryWasSentReturnsTheSentEntryAndSendsNothingNew() {
        enqueue(ANNA, "k1");
        OutboxEntry claimed = outbox().claim("w", 10, LEASE, now()).get(0);
        outbox().markSent(claimed, Optional.of("wamid.1"), now());

        OutboxEntry again = outbox().enqueue(TENANT_A, reply(ANNA, "text k1"), "k1", inSeconds(60));

        assertThat(again.id()).isEqualTo(claimed.id());
        assertThat(again.state()).isEqualTo(OutboxState.SENT);
        assertThat(outbox().claim("w", 10, LEASE, inSeconds(60))).isEmpty();
    }
}
