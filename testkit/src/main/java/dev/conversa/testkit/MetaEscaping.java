package dev.conversa.testkit;

/**
 * Writes JSON text the way Meta's webhook bodies are written: every character outside printable
 * ASCII as {@code \}{@code u} and four lowercase hex digits (UTF-16 code units, so an emoji
 * becomes a surrogate pair), and every {@code /} as {@code \/}. Existing escapes are kept.
 * Both only ever occur inside JSON strings, so the document means the same.
 */
final class MetaEscaping {

    private MetaEscaping() {
    }

    static String escape(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\' && i + 1 < json.length()) {
                out.append(c).append(json.charAt(++i));
            } else if (c == '/') {
                out.append("\\/");
            } else if (c > '~') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
