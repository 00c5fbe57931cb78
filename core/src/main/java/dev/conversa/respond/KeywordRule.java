package dev.conversa.respond;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keywords and the answer they trigger. A keyword matches whole words, case-insensitively; a
 * keyword of several words matches them in sequence.
 *
 * @param keywords each keyword as its lower-case words
 * @param answer the answer text
 */
record KeywordRule(List<List<String>> keywords, String answer) {

    /** What separates words: anything but letters and digits. */
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    KeywordRule {
        keywords = keywords.stream().map(List::copyOf).toList();
        if (keywords.isEmpty() || keywords.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a rule needs at least one keyword with a letter or digit");
        }
        if (answer == null || answer.isBlank()) {
            throw new IllegalArgumentException("a rule needs a non-blank answer");
        }
    }

    static KeywordRule of(String answer, List<String> keywords) {
        return new KeywordRule(keywords.stream().map(KeywordRule::words).toList(), answer);
    }

    /** Splits text into lower-case words of letters and digits. */
    static List<String> words(String text) {
        return Arrays.stream(NOT_A_WORD.split(text.toLowerCase(Locale.ROOT)))
                .filter(word -> !word.isEmpty())
                .toList();
    }

    boolean matches(List<String> textWords) {
        return keywords.stream().anyMatch(keyword -> contains(textWords, keyword));
    }

    private static boolean contains(List<String> textWords, List<String> keyword) {
        for (int start = 0; start + keyword.size() <= textWords.size(); start++) {
            if (textWords.subList(start, start + keyword.size()).equals(keyword)) {
                return true;
            }
        }
        return false;
    }
}
