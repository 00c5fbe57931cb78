package dev.conversa.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecentKeysTest {

    /** A key whose hash the test chooses, so that two keys can fall into one slot. */
    private record Key(String name, int hash) {

        @Override
        public int hashCode() {
            return hash;
        }
    }

    @Test
    void findsWhatWasAddedAndNothingElse() {
        RecentKeys<Key> keys = new RecentKeys<>(16);
        keys.add(new Key("a", 1));

        assertThat(keys.contains(new Key("a", 1))).isTrue();
        assertThat(keys.contains(new Key("b", 2))).isFalse();
        assertThat(keys.contains(new Key("c", 1))).as("same slot, another key").isFalse();
    }

    @Test
    void aKeyInTheSameSlotPushesTheEarlierOneOut() {
        RecentKeys<Key> keys = new RecentKeys<>(16);
        keys.add(new Key("a", 3));

        keys.add(new Key("b", 3 + 16));

        assertThat(keys.contains(new Key("b", 3 + 16))).isTrue();
        assertThat(keys.contains(new Key("a", 3))).isFalse();
    }

    @Test
    void clearForgetsEverything() {
        RecentKeys<Key> keys = new RecentKeys<>(16);
        keys.add(new Key("a", 1));
        keys.add(new Key("b", 2));

        keys.clear();

        assertThat(keys.contains(new Key("a", 1))).isFalse();
        assertThat(keys.contains(new Key("b", 2))).isFalse();
    }

    @Test
    void aSizeThatIsNotAPowerOfTwoIsRefused() {
        assertThatThrownBy(() -> new RecentKeys<Key>(100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("power of two");
    }
}
