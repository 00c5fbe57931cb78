package dev.conversa.agent;

import dev.conversa.model.TenantId;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Messages that hand a conversation to a person by themselves: the customer writes only
 * "agent", "¡Asesor!" or "falar com atendente", and the conversation goes to the tenant's
 * default queue without asking the responder. The whole message must be a keyword; case,
 * accents, punctuation and spaces are ignored, so "Agent please" is no handoff but "AGENTE."
 * is. Keywords are kept per language; as a customer's language is not known, a message matches
 * when it is a keyword of any language. A tenant may replace the keywords of a language for
 * itself.
 *
 * <pre>{@code
 * HandoffKeywords keywords = HandoffKeywords.defaults().toBuilder()
 *         .tenant(TenantId.of("acme"), "es", "asesor", "ejecutivo")
 *         .build();
 * Conversa.builder().handoffKeywords(keywords);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class HandoffKeywords {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final Map<String, Set<String>> languages;
    private final Map<TenantId, Map<String, Set<String>>> tenants;
    private final Map<String, Set<String>> normalizedLanguages;

    private HandoffKeywords(Builder builder) {
        this.languages = copy(builder.languages);
        Map<TenantId, Map<String, Set<String>>> perTenant = new LinkedHashMap<>();
        builder.tenants.forEach((tenant, words) -> perTenant.put(tenant, copy(words)));
        this.tenants = Map.copyOf(perTenant);
        this.normalizedLanguages = normalized(languages);
    }

    /**
     * Keywords in English, Spanish and Portuguese for every tenant: such as "agent", "human",
     * "person", "operator"; "agente", "humano", "persona", "asesor"; "atendente", "pessoa",
     * "falar com atendente".
     *
     * @return the default keywords
     */
    public static HandoffKeywords defaults() {
        return builder()
                .language("en", "agent", "human", "person", "operator", "representative", "human agent",
                        "live agent", "real person", "talk to a human", "talk to an agent", "talk to a person",
                        "speak to a human", "speak to an agent", "speak to a person")
                .language("es", "agente", "humano", "persona", "asesor", "asesora", "operador", "operadora",
                        "ejecutivo", "hablar con una persona", "hablar con un asesor", "hablar con un humano",
                        "hablar con un agente")
                .language("pt", "atendente", "humano", "pessoa", "agente", "operador", "atendimento humano",
                        "falar com atendente", "falar com um atendente", "falar com uma pessoa", "falar com humano")
                .build();
    }

    /**
     * Starts an empty set of keywords.
     *
     * @return a builder with no keywords
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these keywords.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        languages.forEach((language, words) -> builder.language(language, words.toArray(String[]::new)));
        tenants.forEach((tenant, byLanguage) -> byLanguage.forEach((language, words) ->
                builder.tenant(tenant, language, words.toArray(String[]::new))));
        return builder;
    }

    /**
     * The keywords of a tenant in a language: the tenant's own, or else every tenant's.
     *
     * @param tenant the business
     * @param language the language, such as {@code "es"}
     * @return the keywords, as configured
     */
    public Set<String> keywords(TenantId tenant, String language) {
        Objects.requireNonNull(tenant, "tenant");
        String lang = Objects.requireNonNull(language, "language").toLowerCase(Locale.ROOT);
        Set<String> own = tenants.getOrDefault(tenant, Map.of()).get(lang);
        return own != null ? own : languages.getOrDefault(lang, Set.of());
    }

    /**
     * Tells whether a customer's message, as a whole, is a handoff keyword of the tenant.
     *
     * @param tenant the business
     * @param message the customer's text
     * @return true if the message is a keyword of any language
     */
    public boolean matches(TenantId tenant, String message) {
        Objects.requireNonNull(tenant, "tenant");
        String text = normalize(Objects.requireNonNull(message, "message"));
        if (text.isEmpty()) {
            return false;
        }
        Map<String, Set<String>> own = tenants.getOrDefault(tenant, Map.of());
        Set<String> all = new LinkedHashSet<>(own.keySet());
        all.addAll(languages.keySet());
        for (String language : all) {
            Set<String> words = own.containsKey(language) ? normalize(own.get(language))
                    : normalizedLanguages.getOrDefault(language, Set.of());
            if (words.contains(text)) {
                return true;
            }
        }
        return false;
    }

    static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(plain).replaceAll(" ").strip();
    }

    private static Set<String> normalize(Set<String> words) {
        Set<String> normalized = new LinkedHashSet<>();
        words.forEach(word -> normalized.add(normalize(word)));
        return normalized;
    }

    private static Map<String, Set<String>> normalized(Map<String, Set<String>> byLanguage) {
        Map<String, Set<String>> result = new HashMap<>();
        byLanguage.forEach((language, words) -> result.put(language, normalize(words)));
        return Map.copyOf(result);
    }

    private static Map<String, Set<String>> copy(Map<String, Set<String>> byLanguage) {
        Map<String, Set<String>> result = new LinkedHashMap<>();
        byLanguage.forEach((language, words) -> result.put(language, Set.copyOf(words)));
        return Map.copyOf(result);
    }

    @Override
    public String toString() {
        return "HandoffKeywords[languages=" + languages.keySet() + ", tenants=" + tenants.size() + "]";
    }

    /** Collects keywords per language and per tenant. Not thread-safe. */
    public static final class Builder {

        private final Map<String, Set<String>> languages = new LinkedHashMap<>();
        private final Map<TenantId, Map<String, Set<String>>> tenants = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Adds keywords of a language for every tenant; may be called again to add more.
         *
         * @param language the language, such as {@code "en"}
         * @param keywords the keywords
         * @return this builder
         */
        public Builder language(String language, String... keywords) {
            add(languages, language, keywords);
            return this;
        }

        /**
         * Adds keywords of a language for one tenant, which then uses these instead of every
         * tenant's keywords of that language; may be called again to add more.
         *
         * @param tenant the business
         * @param language the language, such as {@code "es"}
         * @param keywords the keywords
         * @return this builder
         */
        public Builder tenant(TenantId tenant, String language, String... keywords) {
            add(tenants.computeIfAbsent(Objects.requireNonNull(tenant, "tenant"), t -> new LinkedHashMap<>()),
                    language, keywords);
            return this;
        }

        /**
         * Builds the keywords.
         *
         * @return the keywords
         * @throws IllegalStateException if a keyword is blank once case, accents and punctuation
         *     are removed
         */
        public HandoffKeywords build() {
            checkWords(languages);
            tenants.values().forEach(HandoffKeywords.Builder::checkWords);
            return new HandoffKeywords(this);
        }

        private static void checkWords(Map<String, Set<String>> byLanguage) {
            byLanguage.forEach((language, words) -> words.forEach(word -> {
                if (normalize(word).isEmpty()) {
                    throw new IllegalStateException("keywords must have a letter or digit; got a blank keyword for "
                            + "language " + language);
                }
            }));
        }

        private static void add(Map<String, Set<String>> byLanguage, String language, String... keywords) {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(keywords, "keywords");
            Set<String> words = byLanguage.computeIfAbsent(language.toLowerCase(Locale.ROOT),
                    l -> new LinkedHashSet<>());
            for (String keyword : keywords) {
                words.add(Objects.requireNonNull(keyword, "keyword"));
            }
        }
    }
}
