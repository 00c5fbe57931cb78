package dev.conversa.store.contract;

import static dev.conversa.store.contract.Samples.conversation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.ConversationKey;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The detector of {@link StoreConcurrencyContract}, driven step by step as a broken and a correct store would. */
class LaneWatchTest {

    private static final ConversationKey ANNA = conversation("anna");
    private static final ConversationKey BEN = conversation("ben");

    private final Set<Long> unfinished = ConcurrentHashMap.newKeySet();
    private final LaneWatch lanes = new LaneWatch(unfinished::contains);

    @Test
    void countsASecondEntryOfAConversationClaimedWhileTheFirstIsHeld() {
        lanes.claimed(ANNA, 1);

        lanes.claimed(ANNA, 2);

        assertThat(lanes.overlaps()).isEqualTo(1);
    }

    @Test
    void countsASecondEntryClaimedWhileTheFirstIsBeingFinishedButNotYetFinished() {
        // given: the holder called complete, and the store released the lane before it committed
        LaneWatch.Hold first = lanes.claimed(ANNA, 1);
        first.finishing();
        unfinished.add(1L);

        // when
        lanes.claimed(ANNA, 2);

        // then
        assertThat(lanes.overlaps()).isEqualTo(1);
    }

    @Test
    void doesNotCountTheNextEntryHandedOutAfterTheCommitBeforeTheHolderReleased() {
        // given: the store committed the first entry; its worker has not released it yet
        LaneWatch.Hold first = lanes.claimed(ANNA, 1);
        first.finishing();

        // when
        lanes.claimed(ANNA, 2);

        // then
        assertThat(lanes.overlaps()).isZero();
    }

    @Test
    void keepsWatchingTheNextHoldWhenThePreviousOneIsReleasedLate() {
        // given
        LaneWatch.Hold first = lanes.claimed(ANNA, 1);
        first.finishing();
        lanes.claimed(ANNA, 2);

        // when
        first.release();
        lanes.claimed(ANNA, 3);

        // then
        assertThat(lanes.overlaps()).isEqualTo(1);
    }

    @Test
    void doesNotCountEntriesOfOtherConversationsOrAfterARelease() {
        LaneWatch.Hold first = lanes.claimed(ANNA, 1);
        lanes.claimed(BEN, 2);
        first.finishing();
        first.release();

        lanes.claimed(ANNA, 3);

        assertThat(lanes.overlaps()).isZero();
    }
}
