package dev.conversa.internal.respond;

/** How a run of the tool loop ended, when it ended well. */
sealed interface LoopResult {

    /** The model's final answer. */
    record Answer(String text) implements LoopResult {
        @Override
        public String toString() {
            return "Answer[" + text.length() + " chars]";
        }
    }

    /** The model called {@code handoff_to_human}. */
    record Handoff(String reason, java.util.Optional<String> queue) implements LoopResult {}
}
