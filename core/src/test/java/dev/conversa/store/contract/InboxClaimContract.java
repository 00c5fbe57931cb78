package dev.conversa.store.contract;

import static dev.conversa.store.contract.Samples.TENANT_A;
import static dev.conversa.store.contract.Samples.TENANT_B;
import static dev.conversa.store.contract.Samples.conversation;
import static dev.conversa.store.contract.Samples.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.model.ConversationKey;
import dev.conversa.store.Inbox;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.LeaseLostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Inbox#claim} and of finishing claimed work: one entry per conversation
 * at a time, the oldest due first, leases that expire and fencing tokens that reject the
 * worker whose lease was lost.
 */
public abstract class InboxClaimContract extends StoreContract {

    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final ConversationKey ANNA = conversation("anna");
    private static final ConversationKey BOB = conversation("bob");
    private static final ConversationKey CLEO = conversation("cleo");

    private Inbox inbox() {
        return stores.inbox();
    }

    private void append(ConversationKey conversation, String... externalIds) {
        for (String id : externalIds) {
            inbox().append(TENANT_A, List.of(message(conversation, id, now())), now());
        }
    }

    private static String externalId(InboxEntry entry) {
        return entry.event().orElseThrow().header().externalId();
    }

    @Test
    void claimReturnsAtMostOneEntryPerConversationOldestFirst() {
        append(ANNA, "a1", "a2");
        append(BOB, "b1", "b2");

        List<InboxEntry> claimed = inbox().claim("w", 10, LEASE, now());

        assertThat(claimed).extracting(InboxClaimContract::externalId).containsExactly("a1", "b1");
        assertThat(claimed).allSatisfy(e -> assertThat(e.fence()).isPositive());
    }

    @Test
    void claimTakesNothingFromAConversationWithALeasedEntry() {
        append(ANNA, "a1", "a2");
        inbox().claim("w1", 10, LEASE, now());

        assertThat(inbox().claim("w2", 10, LEASE, inSeconds(30))).isEmpty();
    }

    @Test
    void completingAnEntryReleasesTheNextOfItsConversation() {
        append(ANNA, "a1", "a2");
        inbox().complete(inbox().claim("w", 10, LEASE, now()).get(0), now());

        assertThat(inbox().claim("w", 10, LEASE, now())).extracting(InboxClaimContract::externalId)
                .containsExactly("a2");
    }

    @Test
    void claimReturnsNoMoreThanMax() {
        append(ANNA, "a1");
        append(BOB, "b1");
        append(CLEO, "c1");

        assertThat(inbox().claim("w", 2, LEASE, now())).extracting(InboxClaimContract::externalId)
                .containsExactly("a1", "b1");
        assertThat(inbox().claim("w", 2, LEASE, now())).extracting(InboxClaimContract::externalId)
                .containsExactly("c1");
    }

    @Test
    void claimRejectsANonPositiveMaxOrLease() {
        assertThatThrownBy(() -> inbox().claim("w", 0, LEASE, now())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> inbox().claim("w", 1, Duration.ZERO, now()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void claimServesEveryTenant() {
        append(ANNA, "a1");
        inbox().append(TENANT_B, List.of(message(ANNA, "x1", now())), now());

        assertThat(inbox().claim("w", 10, LEASE, now())).extracting(InboxEntry::tenant)
                .containsExactly(TENANT_A, TENANT_B);
    }

    @Test
    void anEntryIsNotClaimedBeforeItsArrival() {
        inbox().append(TENANT_A, List.of(message(ANNA, "a1", now())), inSeconds(10));

        assertThat(inbox().claim("w", 10, LEASE, inSeconds(9))).isEmpty();
        assertThat(inbox().claim("w", 10, LEASE, inSeconds(10))).hasSize(1);
    }

    @Test
    void retriedEntryIsClaimedAgainFromNotBeforeWithItsAttemptsCounted() {
        append(ANNA, "a1");
        InboxEntry first = inbox().claim("w", 1, LEASE, now()).get(0);

        inbox().retry(first, inSeconds(30), "responder timed out");

        assertThat(first.attempts()).isZero();
        assertThat(inbox().claim("w", 10, LEASE, inSeconds(29))).isEmpty();
        InboxEntry second = inbox().claim("w", 10, LEASE, inSeconds(30)).get(0);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.attempts()).isEqualTo(1);
        assertThat(second.notBefore()).isEqualTo(inSeconds(30));
        assertThat(second.fence()).isGreaterThan(first.fence());
    }

    @Test
    void eventNotYetDueHoldsBackTheLaterEntriesOfItsConversation() {
        append(ANNA, "a1", "a2");
        append(BOB, "b1");
        inbox().retry(inbox().claim("w", 1, LEASE, now()).get(0), inSeconds(30), "failed");

        assertThat(inbox().claim("w", 10, LEASE, inSeconds(1))).extracting(InboxClaimContract::externalId)
                .containsExactly("b1");
    }

    @Test
    void replyTaskNotYetDueHoldsBackNothing() {
        inbox().scheduleReply(TENANT_A, ANNA, inSeconds(30), now());
        append(ANNA, "a1");

        assertThat(inbox().claim("w", 10, LEASE, now())).extracting(InboxClaimContract::externalId)
                .containsExactly("a1");
    }

    @Test
    void dueReplyTaskIsClaimedBeforeLaterEventsOfItsConversation() {
        inbox().scheduleReply(TENANT_A, ANNA, now(), now());
        append(ANNA, "a1");

        List<InboxEntry> first = inbox().claim("w", 10, LEASE, now());
        inbox().complete(first.get(0), now());

        assertThat(first).singleElement().satisfies(e -> assertThat(e.isReplyTask()).isTrue());
        assertThat(inbox().claim("w", 10, LEASE, now())).extracting(InboxClaimContract::externalId)
                .containsExactly("a1");
    }

    @Test
    void expiredLeaseLetsTheEntryBeClaimedAgainWithALargerFence() {
        append(ANNA, "a1");
        InboxEntry first = inbox().claim("w1", 1, LEASE, now()).get(0);

        assertThat(inbox().claim("w2", 1, LEASE, now().plus(LEASE).minusMillis(1))).isEmpty();
        InboxEntry second = inbox().claim("w2", 1, LEASE, now().plus(LEASE)).get(0);

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.fence()).isGreaterThan(first.fence());
        assertThat(second.attempts()).isEqualTo(1);
    }

    @Test
    void renewKeepsTheClaimPastItsFirstLease() {
        append(ANNA, "a1", "a2");
        InboxEntry entry = inbox().claim("w1", 1, LEASE, now()).get(0);

        inbox().renew(entry, LEASE, now().plus(LEASE).minusSeconds(1));

        assertThat(inbox().claim("w2", 10, LEASE, now().plus(LEASE).plusSeconds(10))).isEmpty();
        inbox().complete(entry, now().plus(LEASE).plusSeconds(20));
        assertThat(inbox().claim("w2", 10, LEASE, now().plus(LEASE).plusSeconds(20)))
                .extracting(InboxClaimContract::externalId).containsExactly("a2");
    }

    @Test
    void renewAfterAnotherWorkerClaimedTheEntryThrowsLeaseLost() {
        append(ANNA, "a1");
        InboxEntry first = inbox().claim("w1", 1, LEASE, now()).get(0);
        InboxEntry second = inbox().claim("w2", 1, LEASE, now().plus(LEASE)).get(0);

        assertThatThrownBy(() -> inbox().renew(first, LEASE, now().plus(LEASE))).isInstanceOf(LeaseLostException.class);
        inbox().renew(second, LEASE, now().plus(LEASE));
    }

    @Test
    void renewAnEntryNotClaimedOrOfAnotherTenantThrowsLeaseLost() {
        InboxEntry entry = inbox().append(TENANT_A, List.of(message(ANNA, "a1", now())), now()).get(0);
        assertThatThrownBy(() -> inbox().renew(entry, LEASE, now())).isInstanceOf(LeaseLostException.class);
        InboxEntry claimed = inbox().claim("w", 1, LEASE, now()).get(0);
        InboxEntry forged = new InboxEntry(claimed.id(), TENANT_B, claimed.conversation(), claimed.event(),
                claimed.notBefore(), claimed.attempts(), claimed.fence());

        assertThatThrownBy(() -> inbox().renew(forged, LEASE, now())).isInstanceOf(LeaseLostException.class);
        inbox().complete(claimed, now());
        assertThatThrownBy(() -> inbox().renew(claimed, LEASE, now())).isInstanceOf(LeaseLostException.class);
    }

    @Test
    void everyClaimCountsAnAttemptEvenWhenTheWorkerNeverFinished() {
        append(ANNA, "a1");
        Instant at = now();
        for (int claim = 0; claim < 3; claim++) {
            assertThat(inbox().claim("w" + claim, 1, LEASE, at).get(0).attempts()).isEqualTo(claim);
            at = at.plus(LEASE);
        }
    }

    @Test
    void completeWithAStaleFenceThrowsLeaseLost() {
        append(ANNA, "a1");
        InboxEntry first = inbox().claim("w1", 1, LEASE, now()).get(0);
        InboxEntry second = inbox().claim("w2", 1, LEASE, now().plus(LEASE)).get(0);

        assertThatThrownBy(() -> inbox().complete(first, now().plus(LEASE))).isInstanceOf(LeaseLostException.class);
        inbox().complete(second, now().plus(LEASE));
        assertThat(inbox().pendingCount()).isZero();
    }

    @Test
    void retryWithAStaleFenceThrowsLeaseLostAndChangesNothing() {
        append(ANNA, "a1");
        InboxEntry first = inbox().claim("w1", 1, LEASE, now()).get(0);
        inbox().claim("w2", 1, LEASE, now().plus(LEASE));

        assertThatThrownBy(() -> inbox().retry(first, now(), "failed")).isInstanceOf(LeaseLostException.class);
        assertThat(inbox().claim("w3", 1, LEASE, now().plus(LEASE).plusSeconds(1))).isEmpty();
    }

    @Test
    void parkWithAStaleFenceThrowsLeaseLost() {
        append(ANNA, "a1");
        InboxEntry first = inbox().claim("w1", 1, LEASE, now()).get(0);
        inbox().claim("w2", 1, LEASE, now().plus(LEASE));

        assertThatThrownBy(() -> inbox().park(first, "gave up")).isInstanceOf(LeaseLostException.class);
        assertThat(inbox().parked(TENANT_A, 10)).isEmpty();
    }

    @Test
    void completingTwiceThrowsLeaseLost() {
        append(ANNA, "a1");
        InboxEntry entry = inbox().claim("w", 1, LEASE, now()).get(0);
        inbox().complete(entry, now());

        assertThatThrownBy(() -> inbox().complete(entry, now())).isInstanceOf(LeaseLostException.class);
    }

    @Test
    void completingAnEntryNeverClaimedThrowsLeaseLost() {
        InboxEntry entry = inbox().append(TENANT_A, List.of(message(ANNA, "a1", now())), now()).get(0);

        assertThatThrownBy(() -> inbox().complete(entry, now())).isInstanceOf(LeaseLostException.class);
    }

    @Test
    void completingAfterTheLeaseExpiredSucceedsWhileNobodyClaimedItAgain() {
        append(ANNA, "a1");
        InboxEntry entry = inbox().claim("w", 1, LEASE, now()).get(0);

        inbox().complete(entry, now().plus(LEASE).plusSeconds(5));

        assertThat(inbox().pendingCount()).isZero();
        assertThat(inbox().claim("w", 1, LEASE, now().plus(LEASE).plusSeconds(6))).isEmpty();
    }

    @Test
    void finishingAnEntryAsAnotherTenantThrowsLeaseLost() {
        append(ANNA, "a1");
        InboxEntry entry = inbox().claim("w", 1, LEASE, now()).get(0);
        InboxEntry forged = new InboxEntry(entry.id(), TENANT_B, entry.conversation(), entry.event(),
                entry.notBefore(), entry.attempts(), entry.fence());

        assertThatThrownBy(() -> inbox().complete(forged, now())).isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> inbox().park(forged, "x")).isInstanceOf(LeaseLostException.class);
        inbox().complete(entry, now());
    }

    @Test
    void parkedEntryStopsHoldingBackItsConversation() {
        append(ANNA, "a1", "a2");
        InboxEntry first = inbox().claim("w", 1, LEASE, now()).get(0);

        inbox().park(first, "poison message");

        assertThat(inbox().claim("w", 10, LEASE, now())).extracting(InboxClaimContract::externalId)
                .containsExactly("a2");
        assertThat(inbox().parked(TENANT_A, 10)).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(first.id());
            assertThat(e.event()).isEqualTo(first.event());
        });
    }

    @Test
    void completedEntryIsNeverClaimedAgain() {
        append(ANNA, "a1");
        inbox().complete(inbox().claim("w", 1, LEASE, now()).get(0), now());

        assertThat(inbox().claim("w", 10, LEASE, inSeconds(3600))).isEmpty();
    }

    @Test
    void retryingAnEntryAsAnotherTenantThrowsLeaseLost() {
        append(ANNA, "a1");
        InboxEntry entry = inbox().claim("w", 1, LEASE, now()).get(0);
        InboxEntry forged = new InboxEntry(entry.id(), TENANT_B, entry.conversation(), entry.event(),
                entry.notBefore(), entry.attempts(), entry.fence());

        assertThatThrownBy(() -> inbox().retry(forged, now(), "x")).isInstanceOf(LeaseLostException.class);
        assertThat(inbox().claim("w", 1, LEASE, inSeconds(1))).isEmpty();
    }
}
