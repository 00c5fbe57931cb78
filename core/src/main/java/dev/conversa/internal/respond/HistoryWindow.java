package dev.conversa.internal.respond;

import dev.conversa.model.MessageRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Chooses the part of a conversation's history the model sees: the messages waiting for an
 * answer always, then older messages, newest first, while their text fits in the budget (in
 * characters). The oldest are dropped first, and what is kept is contiguous and in order.
 */
final class HistoryWindow {

    private final int budgetChars;

    HistoryWindow(int budgetChars) {
        this.budgetChars = budgetChars;
    }

    List<MessageRecord> select(List<MessageRecord> history, int unanswered) {
        int firstUnanswered = history.size() - unanswered;
        List<MessageRecord> kept = new ArrayList<>(history.subList(firstUnanswered, history.size()));
        Collections.reverse(kept);
        int used = kept.stream().mapToInt(m -> render(m).length()).sum();
        for (int i = firstUnanswered - 1; i >= 0; i--) {
            int length = render(history.get(i)).length();
            if (used + length > budgetChars) {
                break;
            }
            used += length;
            kept.add(history.get(i));
        }
        Collections.reverse(kept);
        return kept;
    }

    /** The text of a message as the model reads it: its text, or its kind in brackets. */
    static String render(MessageRecord message) {
        return message.text().filter(t -> !t.isBlank()).orElse("[" + message.kind() + "]");
    }
}
