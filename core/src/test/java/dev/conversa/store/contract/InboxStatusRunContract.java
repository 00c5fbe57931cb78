package dev.conversa.store.contract;

import static dev.conversa.store.contract.Samples.TENANT_A;
import static dev.conversa.store.contract.Samples.TENANT_B;
import static dev.conversa.store.contract.Samples.conversation;
import static dev.conversa.store.contract.Samples.message;
import static dev.conversa.store.contract.Samples.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.model.ConversationKey;
import dev.conversa.model.InboundEvent;
import dev.conversa.store.Inbox;
import dev.conversa.store.InboxEntry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Inbox#claimStatusRun}: the delivery statuses that follow a held entry
 * in its conversation are claimed together, in order, up to the first entry that is not a due
 * status, and only while the held entry's claim lives.
 */
public abstract class InboxStatusRunContract extends StoreContract {

    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final ConversationKey ANNA = conversation("anna");
    private static final ConversationKey BOB = conversation("bob");

    private Inbox inbox() {
        return stores.inbox();
    }

    private void append(InboundEvent... events) {
        inbox().append(TENANT_A, List.of(events), now());
    }

    private InboxEntry claimAnna() {
        return inbox().claim("w", 10, LEASE, now()).stream().filter(e -> e.conversation().equals(ANNA))
                .findFirst().orElseThrow();
    }

    private static String externalId(InboxEntry entry) {
        return entry.event().orElseThrow().header().externalId();
    }

    @Test
    void theStatusesAfterTheHeldEntryAreClaimedInOrder() {
        append(message(ANNA, "m1", now()), status(ANNA, "s1", now()), status(BOB, "b1", now()),
                status(ANNA, "s2", now()), status(ANNA, "s3", now()));
        InboxEntry held = claimAnna();

        List<InboxEntry> run = inbox().claimStatusRun("w", held, 10, LEASE, now());

        assertThat(run).extracting(InboxStatusRunContract::externalId).containsExactly("s1", "s2", "s3");
        assertThat(run).allSatisfy(entry -> {
            assertThat(entry.fence()).isPositive();
            assertThat(entry.attempts()).isZero();
            assertThat(entry.tenant()).isEqualTo(TENANT_A);
            assertThat(entry.isDeliveryStatus()).isTrue();
        });
    }

    @Test
    void theRunEndsAtTheFirstEntryThatIsNotAStatus() {
        append(status(ANNA, "s1", now()), status(ANNA, "s2", now()), message(ANNA, "m2", now()),
                status(ANNA, "s3", now()));
        InboxEntry held = claimAnna();

        assertThat(inbox().claimStatusRun("w", held, 10, LEASE, now())).extracting(InboxStatusRunContract::externalId)
                .containsExactly("s2");
    }

    @Test
    void theRunEndsAtAReplyTask() {
        append(status(ANNA, "s1", now()), status(ANNA, "s2", now()));
        inbox().scheduleReply(TENANT_A, ANNA, inSeconds(5), now());
        append(status(ANNA, "s3", now()));
        InboxEntry held = claimAnna();

        assertThat(inbox().claimStatusRun("w", held, 10, LEASE, now())).extracting(InboxStatusRunContract::externalId)
                .containsExactly("s2");
    }

    @Test
    void theRunEndsAtAStatusNotYetDue() {
        append(status(ANNA, "s1", now()));
        inbox().append(TENANT_A, List.of(status(ANNA, "s2", now())), inSeconds(10));
        InboxEntry held = claimAnna();

        assertThat(inbox().claimStatusRun("w", held, 10, LEASE, now())).isEmpty();
        assertThat(inbox().claimStatusRun("w", held, 10, LEASE, inSeconds(10)))
                .extracting(InboxStatusRunContract::externalId).containsExactly("s2");
    }

    @Test
    void aRunTakesNoMoreThanMaxAndGoesOnFromItsLastEntry() {
        append(status(ANNA, "s1", now()), status(ANNA, "s2", now()), status(ANNA, "s3", now()),
                status(ANNA, "s4", now()), status(ANNA, "s5", now()));
        InboxEntry held = claimAnna();

        List<InboxEntry> first = inbox().claimStatusRun("w", held, 2, LEASE, now());
        List<InboxEntry> second = inbox().claimStatusRun("w", first.get(1), 2, LEASE, now());

        assertThat(first).extracting(InboxStatusRunContract::externalId).containsExactly("s2", "s3");
        assertThat(second).extracting(InboxStatusRunContract::externalId).containsExactly("s4", "s5");
    }

    @Test
    void theRunTakesOnlyTheHeldEntrysTenant() {
        append(status(ANNA, "s1", now()));
        inbox().append(TENANT_B, List.of(status(ANNA, "x1", now())), now());
        append(status(ANNA, "s2", now()));
        InboxEntry held = inbox().claim("w", 10, LEASE, now()).stream()
                .filter(e -> e.tenant().equals(TENANT_A)).findFirst().orElseThrow();

        assertThat(inbox().claimStatusRun("w", held, 10, LEASE, now())).extracting(InboxStatusRunContract::externalId)
                .containsExactly("s2");
    }

    @Test
    void runEntriesAreClaimedLikeAnyOther() {
        append(status(ANNA, "s1", now()), status(ANNA, "s2", now()), status(ANNA, "s3", now()));
        InboxEntry held = claimAnna();
        List<InboxEntry> run = inbox().claimStatusRun("w", held, 10, LEASE, now());
        inbox().complete(held, now());

        assertThat(inbox().claim("w2", 10, LEASE, inSeconds(30))).as("the lane is held by the run's leases").isEmpty();

        inbox().complete(run.get(0), now());
        inbox().retry(run.get(1), now(), "failed");
        InboxEntry again = inbox().claim("w2", 10, LEASE, now()).get(0);
        assertThat(externalId(again)).isEqualTo("s3");
        assertThat(again.attempts()).isEqualTo(1);
        assertThat(again.fence()).isGreaterThan(run.get(1).fence());
        assertThat(inbox().pendingCount()).isEqualTo(1);
    }

    @Test
    void runEntriesWhoseLeaseExpiredAreClaimedAgain() {
        append(status(ANNA, "s1", now()), status(ANNA, "s2", now()));
        InboxEntry held = claimAnna();
        InboxEntry run = inbox().claimStatusRun("w", held, 10, LEASE, now()).get(0);
        inbox().complete(held, now());

        InboxEntry again = inbox().claim("w2", 10, LEASE, inSeconds(61)).get(0);

        assertThat(again.id()).isEqualTo(run.id());
        assertThat(again.fence()).isGreaterThan(run.fence());
    }

    @Test
    void noRunForAnEntryNoLongerHeld() {
        append(status(ANNA, "s1", now()), status(ANNA, "s2", now()));
        InboxEntry held = claimAnna();

        assertThat(inbox().claimStatusRun("w", held, 10, LEASE, inSeconds(61))).as("lease expired").isEmpty();
        InboxEntry taken = inbox().claim("w2", 10, LEASE, inSeconds(61)).get(0);
        assertThat(inbox().claimStatusRun("w", held, 10, LEASE, inSeconds(61))).as("another claim took it").isEmpty();
        inbox().complete(taken, inSeconds(61));
        assertThat(inbox().claimStatusRun("w2", taken, 10, LEASE, inSeconds(61))).as("completed").isEmpty();
        assertThat(inbox().claim("w2", 10, LEASE, inSeconds(61))).extracting(InboxStatusRunContract::externalId)
                .containsExactly("s2");
    }

    @Test
    void anEmptyRunClaimsNothing() {
        append(status(ANNA, "s1", now()), message(ANNA, "m1", now()));
        InboxEntry held = claimAnna();

        assertThat(inbox().claimStatusRun("w", held, 10, LEASE, now())).isEmpty();
        inbox().complete(held, now());
        assertThat(inbox().claim("w", 10, LEASE, now())).extracting(InboxStatusRunContract::externalId)
                .containsExactly("m1");
    }

    @Test
    void claimStatusRunRejectsANonPositiveMaxOrLease() {
        append(status(ANNA, "s1", now()));
        InboxEntry held = claimAnna();

        assertThatThrownBy(() -> inbox().claimStatusRun("w", held, 0, LEASE, now()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> inbox().claimStatusRun("w", held, 1, Duration.ZERO, now()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
