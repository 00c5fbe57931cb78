package dev.conversa.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.store.DeadLetter;
import dev.conversa.store.DeadLetterStore;
import org.junit.jupiter.api.Test;

/** The contract of {@link DeadLetterStore}: kept exactly, listed oldest first, removed on request. */
public abstract class DeadLetterStoreContract extends StoreContract {

    private static final String BODY = "{\"object\":\"page\",\"entry\":[{\"odd\":\"shape \\u00e9\"}]}";

    private DeadLetterStore deadLetters() {
        return stores.deadLetters();
    }

    @Test
    void recordKeepsTheBodyExactlyWithAnIncreasingId() {
        DeadLetter first = deadLetters().record("page", "not the page shape", BODY, now());
        DeadLetter second = deadLetters().record("instagram", "not the instagram shape", "{}", inSeconds(1));

        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(deadLetters().list(10)).containsExactly(first, second);
        assertThat(deadLetters().list(10).get(0).body()).isEqualTo(BODY);
        assertThat(deadLetters().list(10).get(0).receivedAt()).isEqualTo(now());
        assertThat(deadLetters().list(1)).containsExactly(first);
    }

    @Test
    void deleteAndPurgeRemoveThem() {
        DeadLetter first = deadLetters().record("page", "r", BODY, now());
        DeadLetter second = deadLetters().record("page", "r", BODY, inSeconds(10));
        DeadLetter third = deadLetters().record("page", "r", BODY, inSeconds(20));

        assertThat(deadLetters().delete(second.id())).isTrue();
        assertThat(deadLetters().delete(second.id())).isFalse();
        assertThat(deadLetters().purge(inSeconds(15))).isEqualTo(1);

        assertThat(deadLetters().list(10)).extracting(DeadLetter::id).containsExactly(third.id())
                .doesNotContain(first.id());
    }

    @Test
    void listRejectsANegativeLimit() {
        assertThatThrownBy(() -> deadLetters().list(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringLeavesTheBodyOut() {
        DeadLetter letter = deadLetters().record("page", "r", BODY, now());

        assertThat(letter.toString()).doesNotContain("shape").contains("page");
    }
}
