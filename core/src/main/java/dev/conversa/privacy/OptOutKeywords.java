package dev.conversa.privacy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The words that opt a person out of every automated message (STOP) and back in (START), by
 * language, with the one confirmation the person receives in that language. A message counts
 * only when it is the keyword alone: case, accents and surrounding whitespace or punctuation are
 * ignored ({@code " Stop! "}, {@code "baja."}, {@code "SAÍR"} count), anything more is an
 * ordinary message ({@code "stop, I'll come tomorrow"} is not an opt-out).
 *
 * <p>Defaults ({@link #defaults()}):
 * <table>
 *   <caption>default keywords</caption>
 *   <tr><th>language</th><th>opt out</th><th>opt in</th></tr>
 *   <tr><td>{@code en}</td><td>STOP, UNSUBSCRIBE</td><td>START</td></tr>
 *   <tr><td>{@code es}</td><td>BAJA, PARAR, CANCELAR</td><td>ALTA</td></tr>
 *   <tr><td>{@code pt}</td><td>SAIR</td><td>VOLTAR</td></tr>
 * </table>
 * A keyword names one language (its confirmation is in that language), so PARAR and CANCELAR,
 * Portuguese too, confirm in Spanish unless a host moves them.
 *
 * <pre>{@code
 * OptOutKeywords keywords = OptOutKeywords.builder()      // starts from the defaults
 *     .optOut("it", "BASTA", "STOP ALL")
 *     .optIn("it", "RIPRENDI")
 *     .confirmations("it", "Non riceverai più messaggi automatici. Scrivi RIPRENDI per riattivarli.",
 *             "Messaggi riattivati. Scrivi BASTA per non riceverne più.")
 *     .build();
 * Conversa.builder().optOutKeywords(keywords)...
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class OptOutKeywords {

    /** The longest message that is still compared with the keywords, in characters. */
    static final int MAX_KEYWORD_MESSAGE = 100;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern EDGES = Pattern.compile("^[\\p{Z}\\s\\p{P}]+|[\\p{Z}\\s\\p{P}]+$");
    private static final Pattern INNER_SPACE = Pattern.compile("[\\p{Z}\\s]+");
    private static final OptOutKeywords DEFAULTS = builder().build();

    private final Builder settings;
    private final Map<String, Match> byKeyword;

    private OptOutKeywords(Builder builder, Map<String, Match> byKeyword) {
        this.settings = builder.copy();
        this.byKeyword = Collections.unmodifiableMap(new LinkedHashMap<>(byKeyword));
    }

    /**
     * The default keywords and confirmations in English, Spanish and Portuguese.
     *
     * @return the defaults
     */
    public static OptOutKeywords defaults() {
        return DEFAULTS;
    }

    /**
     * Starts from the defaults; {@link Builder#withoutDefaults()} starts empty instead.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these settings.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return settings.copy();
    }

    /**
     * Tells whether a message is a keyword alone.
     *
     * @param text what the person wrote
     * @return what it asks for, empty when it is an ordinary message
     */
    public Optional<Match> match(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_KEYWORD_MESSAGE) {
            return Optional.empty();
        }
        return Optional.ofNullable(byKeyword.get(normalize(text)));
    }

    /**
     * The keyword form of a text: accents removed, surrounding whitespace and punctuation
     * removed, inner whitespace as one space, upper case.
     */
    static String normalize(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        String trimmed = EDGES.matcher(plain).replaceAll("");
        return INNER_SPACE.matcher(trimmed).replaceAll(" ").toUpperCase(Locale.ROOT);
    }

    /** Shows the keywords, which are configuration, not personal data. */
    @Override
    public String toString() {
        return "OptOutKeywords" + byKeyword.keySet();
    }

    /** What a keyword asks for. */
    public enum Action {
        /** Opt out of every automated message. */
        OPT_OUT,
        /** Opt back in. */
        OPT_IN
    }

    /**
     * A message that is a keyword.
     *
     * @param action what it asks for
     * @param language the keyword's language
     * @param confirmation the confirmation to send, in that language
     */
    public record Match(Action action, String language, String confirmation) {

        /** Checks the fields are not null. */
        public Match {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(confirmation, "confirmation");
        }
    }

    /** Configures {@link OptOutKeywords}. Not thread-safe. */
    public static final class Builder {

        private boolean defaults = true;
        private final Map<String, List<String>> optOut = new LinkedHashMap<>();
        private final Map<String, List<String>> optIn = new LinkedHashMap<>();
        private final Map<String, String[]> confirmations = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Leaves the default keywords and confirmations out.
         *
         * @return this builder
         */
        public Builder withoutDefaults() {
            this.defaults = false;
            return this;
        }

        /**
         * Adds keywords that opt a person out, in a language.
         *
         * @param language the language, such as {@code "it"}
         * @param keywords the keywords
         * @return this builder
         */
        public Builder optOut(String language, String... keywords) {
            add(optOut, language, keywords);
            return this;
        }

        /**
         * Adds keywords that opt a person back in, in a language.
         *
         * @param language the language
         * @param keywords the keywords
         * @return this builder
         */
        public Builder optIn(String language, String... keywords) {
            add(optIn, language, keywords);
            return this;
        }

        /**
         * Sets the confirmations of a language (required for every language that has
         * keywords; replaces a default's).
         *
         * @param language the language
         * @param optedOut sent once after an opt-out
         * @param optedIn sent once after an opt-in
         * @return this builder
         */
        public Builder confirmations(String language, String optedOut, String optedIn) {
            confirmations.put(Objects.requireNonNull(language, "language"), new String[] {
                Objects.requireNonNull(optedOut, "optedOut"), Objects.requireNonNull(optedIn, "optedIn")});
            return this;
        }

        /**
         * Builds the keywords.
         *
         * @return the keywords
         * @throws IllegalStateException naming the setting: no opt-out keyword, a blank or
         *     too long keyword, a language without confirmations, a keyword given twice
         */
        public OptOutKeywords build() {
            Builder all = defaults ? Defaults.into(new Builder()) : new Builder();
            all.merge(this);
            if (all.optOut.values().stream().allMatch(List::isEmpty)) {
                throw new IllegalStateException("optOut is required: add at least one keyword with "
                        + "optOut(language, keywords...)");
            }
            Map<String, Match> byKeyword = new LinkedHashMap<>();
            all.index(all.optOut, Action.OPT_OUT, byKeyword);
            all.index(all.optIn, Action.OPT_IN, byKeyword);
            return new OptOutKeywords(this, byKeyword);
        }

        private void index(Map<String, List<String>> keywords, Action action, Map<String, Match> byKeyword) {
            keywords.forEach((language, words) -> {
                String[] texts = confirmations.get(language);
                if (texts == null || texts[0].isBlank() || texts[1].isBlank()) {
                    throw new IllegalStateException("confirmations of language '" + language + "' are required: call "
                            + "confirmations(\"" + language + "\", optedOut, optedIn)");
                }
                for (String word : words) {
                    String keyword = normalize(word);
                    if (keyword.isEmpty() || keyword.length() > MAX_KEYWORD_MESSAGE) {
                        throw new IllegalStateException(setting(action) + " keywords must have 1-" + MAX_KEYWORD_MESSAGE + " letters; got '" + word + "'");
                    }
                    Match earlier = byKeyword.putIfAbsent(keyword, new Match(action,
                            language, texts[action == Action.OPT_OUT ? 0 : 1]));
                    if (earlier != null) {
                        throw new IllegalStateException(setting(action) + " keyword '" + keyword + "' is given twice (" + earlier.action() + " in '"
                                + earlier.language() + "', " + action + " in '" + language + "'); a keyword has "
                                + "one meaning and one language");
                    }
                }
            });
        }

        private static String setting(Action action) {
            return action == Action.OPT_OUT ? "optOut" : "optIn";
        }

        private static void add(Map<String, List<String>> to, String language, String... keywords) {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(keywords, "keywords");
            for (String keyword : keywords) {
                to.computeIfAbsent(language, l -> new ArrayList<>()).add(Objects.requireNonNull(keyword,
                        "keyword"));
            }
        }

        private void merge(Builder other) {
            other.optOut.forEach((language, words) -> add(optOut, language, words.toArray(String[]::new)));
            other.optIn.forEach((language, words) -> add(optIn, language, words.toArray(String[]::new)));
            confirmations.putAll(other.confirmations);
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.defaults = defaults;
            copy.merge(this);
            return copy;
        }
    }

    /** The default keywords and confirmations. */
    private static final class Defaults {

        private Defaults() {
        }

        static Builder into(Builder builder) {
            return builder
                    .optOut("en", "STOP", "UNSUBSCRIBE")
                    .optIn("en", "START")
                    .confirmations("en", "You will receive no more automated messages from us. Reply START to "
                            + "receive them again.", "You will receive our messages again. Reply STOP to stop them.")
                    .optOut("es", "BAJA", "PARAR", "CANCELAR")
                    .optIn("es", "ALTA")
                    .confirmations("es", "No recibirás más mensajes automáticos nuestros. Responde ALTA para "
                            + "recibirlos de nuevo.", "Volverás a recibir nuestros mensajes. Responde BAJA para "
                            + "dejar de recibirlos.")
                    .optOut("pt", "SAIR")
                    .optIn("pt", "VOLTAR")
                    .confirmations("pt", "Você não receberá mais mensagens automáticas nossas. Responda VOLTAR "
                            + "para recebê-las novamente.", "Você voltará a receber nossas mensagens. Responda "
                            + "SAIR para deixar de recebê-las.");
        }
    }
}
