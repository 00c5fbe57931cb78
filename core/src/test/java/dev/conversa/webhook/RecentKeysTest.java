package dev.conversa.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecentKeysTest {

    @Test
    void findsWhatWasAddedAndNothingElse() {
        RecentKeys keys = new RecentKeys(16);
        keys.add(7, 1);

        assertThat(keys.contains(7, 1)).isTrue();
        assertThat(keys.contains(8, 2)).isFalse();
        assertThat(keys.contains(8, 1)).as("same slot and low half, another high half").isFalse();
        assertThat(keys.contains(7, 1 + 16)).as("same slot and high half, another low half").isFalse();
    }

    @Test
    void anEmptySlotHoldsNoKey() {
        RecentKeys keys = new RecentKeys(16);

        assertThat(keys.contains(5, 0)).isFalse();
        assertThat(keys.contains(0, 5)).isFalse();
    }

    @Test
    void aKeyInTheSameSlotPushesTheEarlierOneOut() {
        RecentKeys keys = new RecentKeys(16);
        keys.add(1, 3);

        keys.add(2, 3 + 16);

        assertThat(keys.contains(2, 3 + 16)).isTrue();
        assertThat(keys.contains(1, 3)).isFalse();
    }

    @Test
    void keysWhoseLowHalvesDifferOnlyAboveThirtyTwoBitsStillSpread() {
        RecentKeys keys = new RecentKeys(16);
        keys.add(1, 1L << 32);
        keys.add(2, 2L << 32);

        assertThat(keys.contains(1, 1L << 32)).isTrue();
        assertThat(keys.contains(2, 2L << 32)).isTrue();
    }

    @Test
    void clearForgetsEverything() {
        RecentKeys keys = new RecentKeys(16);
        keys.add(1, 1);
        keys.add(2, 2);

        keys.clear();

        assertThat(keys.contains(1, 1)).isFalse();
        assertThat(keys.contains(2, 2)).isFalse();
    }

    @Test
    void aSizeThatIsNotAPowerOfTwoIsRefused() {
        assertThatThrownBy(() -> new RecentKeys(100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("power of two");
    }
}
