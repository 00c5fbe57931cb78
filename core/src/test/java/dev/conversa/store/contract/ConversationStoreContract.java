package dev.conversa.store.contract;

import static dev.conversa.store.contract.Samples.TENANT_A;
import static dev.conversa.store.contract.Samples.TENANT_B;
import static dev.conversa.store.contract.Samples.conversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.store.ConversationStore;
import dev.conversa.store.SenderTurn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The contract of {@link ConversationStore}: open on demand, optimistic updates by version. */
public abstract class ConversationStoreContract extends StoreContract {

    private static final ConversationKey ANNA = conversation("anna");
    private static final ConversationKey BOB = conversation("bob");
    private static final Instant WINDOW = Instant.parse("2026-01-05T09:00:00Z");

    private ConversationStore conversations() {
        return stores.conversations();
    }

    @Test
    void getOrOpenOpensAConversationAnsweredByTheBot() {
        Conversation opened = conversations().getOrOpen(TENANT_A, ANNA, now());

        assertThat(opened).isEqualTo(Conversation.open(TENANT_A, ANNA, now()));
        assertThat(conversations().find(TENANT_A, ANNA)).contains(opened);
    }

    @Test
    void getOrOpenReturnsTheConversationAsItIsReadBackEvenWithATimeFinerThanTheStoreKeeps() {
        Instant odd = now().plusNanos(123_456_789);

        Conversation opened = conversations().getOrOpen(TENANT_A, ANNA, odd);

        assertThat(conversations().find(TENANT_A, ANNA)).contains(opened);
        assertThat(Duration.between(opened.updatedAt(), odd).abs()).isLessThan(Duration.ofNanos(1_000));
    }

    @Test
    void getOrOpenReturnsTheStoredConversation() {
        Conversation opened = conversations().getOrOpen(TENANT_A, ANNA, now());
        Conversation changed = conversations().update(opened.withState(ConversationState.WITH_AGENT, inSeconds(1)))
                .orElseThrow();

        assertThat(conversations().getOrOpen(TENANT_A, ANNA, inSeconds(2))).isEqualTo(changed);
    }

    @Test
    void callersOpeningOneConversationAtOnceAllGetTheOneStored() throws Exception {
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            // many rounds, each a new conversation, so that some calls overlap in every store
            for (int round = 0; round < 30; round++) {
                ConversationKey key = conversation("opened-" + round);
                CyclicBarrier start = new CyclicBarrier(callers);
                List<Future<Conversation>> opened = new ArrayList<>();
                for (int i = 0; i < callers; i++) {
                    opened.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return conversations().getOrOpen(TENANT_A, key, now());
                    }));
                }
                Conversation stored = null;
                for (Future<Conversation> each : opened) {
                    Conversation conversation = each.get(30, TimeUnit.SECONDS);
                    assertThat(conversation.key()).isEqualTo(key);
                    stored = stored == null ? conversation : stored;
                    assertThat(conversation).as("round " + round).isEqualTo(stored);
                }
                assertThat(conversations().find(TENANT_A, key)).contains(stored);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void findReturnsNothingForAnUnknownConversation() {
        assertThat(conversations().find(TENANT_A, ANNA)).isEmpty();
    }

    @Test
    void updateStoresTheNewStateWithTheVersionIncremented() {
        Conversation opened = conversations().getOrOpen(TENANT_A, ANNA, now());
        Conversation wanted = opened.withLastInboundAt(now(), inSeconds(1))
                .withReplyDue(Optional.of(inSeconds(3)), Optional.of(now()), inSeconds(1));

        Conversation stored = conversations().update(wanted).orElseThrow();

        assertThat(stored.version()).isEqualTo(opened.version() + 1);
        assertThat(stored.lastInboundAt()).contains(now());
        assertThat(stored.replyDueAt()).contains(inSeconds(3));
        assertThat(stored.unansweredSince()).contains(now());
        assertThat(stored.updatedAt()).isEqualTo(inSeconds(1));
        assertThat(conversations().find(TENANT_A, ANNA)).contains(stored);
    }

    @Test
    void updateFromAStaleVersionChangesNothing() {
        Conversation opened = conversations().getOrOpen(TENANT_A, ANNA, now());
        Conversation first = conversations().update(opened.withState(ConversationState.WITH_AGENT, inSeconds(1)))
                .orElseThrow();

        Optional<Conversation> second = conversations().update(opened.withState(ConversationState.CLOSED, inSeconds(2)));

        assertThat(second).isEmpty();
        assertThat(conversations().find(TENANT_A, ANNA)).contains(first);
    }

    @Test
    void updateOfAMissingConversationReturnsEmpty() {
        assertThat(conversations().update(Conversation.open(TENANT_A, ANNA, now()))).isEmpty();
        assertThat(conversations().find(TENANT_A, ANNA)).isEmpty();
    }

    @Test
    void updateCannotReachAnotherTenantsConversation() {
        Conversation mine = conversations().getOrOpen(TENANT_A, ANNA, now());
        Conversation forged = new Conversation(TENANT_B, ANNA, ConversationState.CLOSED, Optional.empty(),
                Optional.empty(), Optional.empty(), inSeconds(1), mine.version());

        assertThat(conversations().update(forged)).isEmpty();
        assertThat(conversations().find(TENANT_A, ANNA)).contains(mine);
        assertThat(conversations().find(TENANT_B, ANNA)).isEmpty();
    }

    @Test
    void listReturnsTheMostRecentlyUpdatedFirstUpToTheLimit() {
        conversations().getOrOpen(TENANT_A, ANNA, inSeconds(1));
        conversations().getOrOpen(TENANT_A, BOB, inSeconds(3));
        conversations().getOrOpen(TENANT_A, conversation("cleo"), inSeconds(2));

        assertThat(conversations().list(TENANT_A, Optional.empty(), 2)).extracting(c -> c.key().contactId())
                .containsExactly("bob", "cleo");
    }

    @Test
    void listFiltersByState() {
        Conversation anna = conversations().getOrOpen(TENANT_A, ANNA, now());
        conversations().getOrOpen(TENANT_A, BOB, now());
        conversations().update(anna.withState(ConversationState.WAITING_FOR_AGENT, inSeconds(1)));

        assertThat(conversations().list(TENANT_A, Optional.of(ConversationState.WAITING_FOR_AGENT), 10))
                .extracting(c -> c.key().contactId()).containsExactly("anna");
        assertThat(conversations().list(TENANT_A, Optional.of(ConversationState.BOT), 10))
                .extracting(c -> c.key().contactId()).containsExactly("bob");
    }

    @Test
    void listSeesOnlyTheTenantsConversations() {
        conversations().getOrOpen(TENANT_A, ANNA, now());
        conversations().getOrOpen(TENANT_B, BOB, now());

        assertThat(conversations().list(TENANT_B, Optional.empty(), 10)).extracting(c -> c.key().contactId())
                .containsExactly("bob");
    }

    @Test
    void deleteRemovesTheConversationOfItsTenantOnly() {
        conversations().getOrOpen(TENANT_A, ANNA, now());

        assertThat(conversations().delete(TENANT_B, ANNA)).isFalse();
        assertThat(conversations().delete(TENANT_A, ANNA)).isTrue();
        assertThat(conversations().find(TENANT_A, ANNA)).isEmpty();
        assertThat(conversations().delete(TENANT_A, ANNA)).isFalse();
    }

    @Test
    void getOrOpenNeverReturnsAnotherTenantsConversation() {
        Conversation mine = conversations().getOrOpen(TENANT_A, ANNA, now());
        conversations().update(mine.withState(ConversationState.WITH_AGENT, inSeconds(1)));

        Conversation theirs = conversations().getOrOpen(TENANT_B, ANNA, inSeconds(2));

        assertThat(theirs).isEqualTo(Conversation.open(TENANT_B, ANNA, inSeconds(2)));
        assertThat(conversations().find(TENANT_A, ANNA).orElseThrow().state())
                .isEqualTo(ConversationState.WITH_AGENT);
    }
    @Test
    void takeTurnCountsUpToTheAllowedTurnsThenRefusesOnceWithANoticeThenSilently() {
        conversations().getOrOpen(TENANT_A, ANNA, now());

        List<SenderTurn> taken = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            taken.add(conversations().takeTurn(TENANT_A, ANNA, WINDOW, 2));
        }

        assertThat(taken).containsExactly(SenderTurn.TAKEN, SenderTurn.TAKEN, SenderTurn.REFUSED_FIRST,
                SenderTurn.REFUSED, SenderTurn.REFUSED);
    }

    @Test
    void turnsAskedForAtOnceAreEachCountedOnce() throws Exception {
        conversations().getOrOpen(TENANT_A, ANNA, now());
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            // many rounds, each in a window of its own, so that some calls overlap in every store
            for (int round = 0; round < 30; round++) {
                Instant window = WINDOW.plus(Duration.ofMinutes(10L * round));
                CyclicBarrier start = new CyclicBarrier(callers);
                List<Future<SenderTurn>> asked = new ArrayList<>();
                for (int i = 0; i < callers; i++) {
                    asked.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return conversations().takeTurn(TENANT_A, ANNA, window, 3);
                    }));
                }
                List<SenderTurn> outcomes = new ArrayList<>();
                for (Future<SenderTurn> outcome : asked) {
                    outcomes.add(outcome.get(30, TimeUnit.SECONDS));
                }

                assertThat(outcomes).as("round " + round).filteredOn(SenderTurn.TAKEN::equals).hasSize(3);
                assertThat(outcomes).as("round " + round).filteredOn(SenderTurn.REFUSED_FIRST::equals).hasSize(1);
                assertThat(outcomes).as("round " + round).filteredOn(SenderTurn.REFUSED::equals).hasSize(4);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNewWindowStartsAgainWithItsOwnNotice() {
        conversations().getOrOpen(TENANT_A, ANNA, now());
        conversations().takeTurn(TENANT_A, ANNA, WINDOW, 1);
        conversations().takeTurn(TENANT_A, ANNA, WINDOW, 1);

        Instant next = WINDOW.plus(Duration.ofMinutes(10));

        assertThat(conversations().takeTurn(TENANT_A, ANNA, next, 1)).isEqualTo(SenderTurn.TAKEN);
        assertThat(conversations().takeTurn(TENANT_A, ANNA, next, 1)).isEqualTo(SenderTurn.REFUSED_FIRST);
    }

    @Test
    void noTurnAllowedRefusesWithoutSpendingOne() {
        conversations().getOrOpen(TENANT_A, ANNA, now());

        assertThat(conversations().takeTurn(TENANT_A, ANNA, WINDOW, 0)).isEqualTo(SenderTurn.REFUSED_FIRST);
        assertThat(conversations().takeTurn(TENANT_A, ANNA, WINDOW, 1)).isEqualTo(SenderTurn.TAKEN);
        assertThat(conversations().takeTurn(TENANT_A, ANNA, WINDOW, 1)).as("told already")
                .isEqualTo(SenderTurn.REFUSED);
    }

    @Test
    void turnsAreCountedPerConversationAndTenant() {
        for (ConversationKey key : List.of(ANNA, BOB)) {
            conversations().getOrOpen(TENANT_A, key, now());
        }
        conversations().getOrOpen(TENANT_B, ANNA, now());
        conversations().takeTurn(TENANT_A, ANNA, WINDOW, 1);

        assertThat(conversations().takeTurn(TENANT_A, BOB, WINDOW, 1)).isEqualTo(SenderTurn.TAKEN);
        assertThat(conversations().takeTurn(TENANT_B, ANNA, WINDOW, 1)).isEqualTo(SenderTurn.TAKEN);
        assertThat(conversations().takeTurn(TENANT_A, ANNA, WINDOW, 1)).isEqualTo(SenderTurn.REFUSED_FIRST);
    }

    @Test
    void turnsLeaveTheConversationAndItsVersionAsTheyAreAndSurviveItsUpdates() {
        Conversation opened = conversations().getOrOpen(TENANT_A, ANNA, now());
        conversations().takeTurn(TENANT_A, ANNA, WINDOW, 1);

        assertThat(conversations().find(TENANT_A, ANNA)).contains(opened);
        assertThat(conversations().update(opened.withState(ConversationState.WITH_AGENT, inSeconds(1)))).isPresent();
        assertThat(conversations().takeTurn(TENANT_A, ANNA, WINDOW, 1)).isEqualTo(SenderTurn.REFUSED_FIRST);
    }

    @Test
    void aDeletedConversationTakesItsTurnsWithIt() {
        conversations().getOrOpen(TENANT_A, ANNA, now());
        conversations().takeTurn(TENANT_A, ANNA, WINDOW, 1);

        conversations().delete(TENANT_A, ANNA);

        assertThat(conversations().takeTurn(TENANT_A, ANNA, WINDOW, 1)).as("nothing to limit")
                .isEqualTo(SenderTurn.TAKEN);
        conversations().getOrOpen(TENANT_A, ANNA, now());
        assertThat(conversations().takeTurn(TENANT_A, ANNA, WINDOW, 1)).as("a fresh count")
                .isEqualTo(SenderTurn.TAKEN);
    }

    @Test
    void grantTenantTurnsGrantsUpToTheLimitOfEachWindowPerTenant() {
        assertThat(conversations().grantTenantTurns(TENANT_A, WINDOW, 3, 5)).isEqualTo(3);
        assertThat(conversations().grantTenantTurns(TENANT_A, WINDOW, 3, 5)).isEqualTo(2);
        assertThat(conversations().grantTenantTurns(TENANT_A, WINDOW, 3, 5)).isZero();
        assertThat(conversations().grantTenantTurns(TENANT_B, WINDOW, 3, 5)).as("another tenant").isEqualTo(3);
        assertThat(conversations().grantTenantTurns(TENANT_A, WINDOW.plus(Duration.ofMinutes(10)), 3, 5))
                .as("the next window").isEqualTo(3);
    }

    @Test
    void aGrantStaysCountedWhenTheUnitOfWorkAroundItRollsBack() {
        assertThatThrownBy(() -> stores.unitOfWork().run(() -> {
            conversations().grantTenantTurns(TENANT_A, WINDOW, 4, 5);
            throw new IllegalStateException("the work failed after the turns were granted");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(conversations().grantTenantTurns(TENANT_A, WINDOW, 4, 5)).isEqualTo(1);
    }

    @Test
    void turnArgumentsOutOfRangeAreRefusedByName() {
        assertThatThrownBy(() -> conversations().takeTurn(TENANT_A, ANNA, WINDOW, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("allowed");
        assertThatThrownBy(() -> conversations().grantTenantTurns(TENANT_A, WINDOW, 0, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("wanted");
        assertThatThrownBy(() -> conversations().grantTenantTurns(TENANT_A, WINDOW, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("limit");
    }
}
