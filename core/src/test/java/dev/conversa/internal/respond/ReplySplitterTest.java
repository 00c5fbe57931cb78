package dev.conversa.internal.respond;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplySplitterTest {

    private final ReplySplitter splitter = new ReplySplitter(3);

    @Test
    void keepsAnAnswerThatFitsInOneMessage() {
        assertThat(splitter.split("  Open at 7. See you!  ", 100)).containsExactly("Open at 7. See you!");
    }

    @Test
    void splitsAtSentenceBoundaries() {
        List<String> parts = splitter.split("First sentence here. Second one follows. Third is last.", 42);

        assertThat(parts).containsExactly("First sentence here. Second one follows.", "Third is last.");
    }

    @Test
    void cutsASentenceLongerThanTheLimitAtASpace() {
        List<String> parts = splitter.split("one two three four five six", 10);

        assertThat(parts).containsExactly("one two", "three four", "five six");
    }

    @Test
    void cutsAWordLongerThanTheLimitAtTheLimit() {
        assertThat(new ReplySplitter(5).split("abcdefghijkl", 5)).containsExactly("abcde", "fghij", "kl");
    }

    @Test
    void shortensToTheAllowedNumberOfMessagesAtASentenceBoundary() {
        List<String> parts = new ReplySplitter(2).split("One. Two. Three. Four.", 5);

        assertThat(parts).containsExactly("One.", "Two.");
    }

    @Test
    void neverReturnsAPartLongerThanTheLimit() {
        String text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed do eiusmod tempor incididunt. "
                + "Ut labore et dolore magna aliqua! Ut enim ad minim veniam? Quis nostrud exercitation.";

        assertThat(new ReplySplitter(20).split(text, 30)).allSatisfy(part -> assertThat(part).hasSizeLessThanOrEqualTo(30));
    }
}
