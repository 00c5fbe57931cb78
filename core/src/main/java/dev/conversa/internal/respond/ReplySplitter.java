package dev.conversa.internal.respond;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts an answer into messages the channel can show: whole sentences are packed into messages
 * of at most the channel's length; a sentence longer than that is cut at a space (or, with none,
 * at the limit). Beyond the allowed number of messages the answer is shortened, again at a
 * sentence boundary.
 */
final class ReplySplitter {

    private final int maxMessages;

    ReplySplitter(int maxMessages) {
        this.maxMessages = maxMessages;
    }

    List<String> split(String text, int maxLength) {
        String trimmed = text.strip();
        if (trimmed.length() <= maxLength) {
            return List.of(trimmed);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String sentence : sentences(trimmed)) {
            for (String piece : cut(sentence, maxLength)) {
                if (current.length() + piece.length() > maxLength && current.length() > 0) {
                    parts.add(current.toString().strip());
                    current.setLength(0);
                }
                current.append(piece);
            }
        }
        if (!current.toString().isBlank()) {
            parts.add(current.toString().strip());
        }
        return List.copyOf(parts.subList(0, Math.min(parts.size(), maxMessages)));
    }

    private static List<String> sentences(String text) {
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ROOT);
        iterator.setText(text);
        List<String> sentences = new ArrayList<>();
        for (int start = iterator.first(), end = iterator.next(); end != BreakIterator.DONE;
                start = end, end = iterator.next()) {
            sentences.add(text.substring(start, end));
        }
        return sentences;
    }

    /** A sentence in pieces no longer than the limit, cut after a space where there is one. */
    private static List<String> cut(String sentence, int maxLength) {
        List<String> pieces = new ArrayList<>();
        String rest = sentence;
        while (rest.strip().length() > maxLength) {
            int space = rest.lastIndexOf(' ', maxLength);
            int end = space > 0 ? space + 1 : maxLength;
            pieces.add(rest.substring(0, end));
            rest = rest.substring(end);
        }
        pieces.add(rest);
        return pieces;
    }
}
