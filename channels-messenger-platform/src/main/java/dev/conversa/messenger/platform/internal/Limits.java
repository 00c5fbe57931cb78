package dev.conversa.messenger.platform.internal;

/**
 * Checks of the Send API's limits. Messages name the limit and the size, never the text.
 */
final class Limits {

    private Limits() {}

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    static String text(String text, int max, String what, SendApiDialect dialect) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(dialect.channelName() + " does not send an empty " + what);
        }
        int length = length(text);
        if (length > max) {
            throw new IllegalArgumentException(dialect.channelName() + " allows at most " + max + " characters in a "
                    + what + "; this one has " + length);
        }
        return text;
    }

    static boolean fits(String text, int max) {
        return !text.isBlank() && length(text) <= max;
    }
}
