package dev.conversa.respond;

import dev.conversa.model.Direction;
import dev.conversa.model.OutboundContent;
import dev.conversa.model.Text;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Answers from plain configuration, without any AI service: keyword answers (FAQ), a greeting
 * for the first message of a conversation, a fallback, and keywords that hand the conversation
 * to a person. Keywords match whole words, case-insensitively, in the customer's unanswered
 * messages; the first rule that matches answers.
 *
 * <p>Decision order: a handoff keyword hands off; otherwise the greeting (on the first message
 * of a conversation) followed by the matching answer, if any; otherwise the fallback; otherwise
 * silence. A text longer than the channel's
 * {@link dev.conversa.channel.ChannelCapabilities#maxTextLength()} goes as several messages, cut
 * at the last space that fits (or at the limit, with none).
 *
 * <pre>{@code
 * Responder rules = RulesResponder.builder()
 *     .greeting("Hi! I am the shop's assistant.")
 *     .answer("We are open 9:00-18:00, Monday to Saturday.", "opening hours", "open")
 *     .handoffKeywords("agent", "human")
 *     .handoffMessage("A colleague will answer you shortly.")
 *     .fallback("Sorry, I did not get that. Type 'agent' to talk to a person.")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RulesResponder implements Responder {

    private static final String HANDOFF_REASON = "the customer asked for a person";

    private final List<KeywordRule> rules;
    private final Optional<String> greeting;
    private final Optional<String> fallback;
    private final Optional<KeywordRule> handoff;
    private final Optional<String> handoffMessage;
    private final Builder configuration;

    private RulesResponder(Builder builder, List<KeywordRule> rules) {
        this.configuration = new Builder(builder);
        this.rules = List.copyOf(rules);
        this.greeting = builder.greeting;
        this.fallback = builder.fallback;
        this.handoff = builder.handoffKeywords.isEmpty()
                ? Optional.empty()
                : Optional.of(KeywordRule.of(HANDOFF_REASON, builder.handoffKeywords));
        this.handoffMessage = builder.handoffMessage;
    }

    /**
     * Starts a builder with no rules, no greeting, no fallback and no handoff keywords.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this responder's settings, to build one that differs in some of them
     * (another rule, another fallback); this responder is left as it is.
     *
     * @return a new builder with this responder's settings
     */
    public Builder toBuilder() {
        return new Builder(configuration);
    }

    /**
     * Reads rules from properties:
     * <pre>
     * greeting = Hi! I am the shop's assistant.
     * fallback = Sorry, I did not get that.
     * handoff.keywords = agent, human
     * handoff.message = A colleague will answer you shortly.
     * answer.hours.keywords = opening hours, open
     * answer.hours.text = We are open 9:00-18:00.
     * </pre>
     * Every key is optional; answers are tried in the order of their names.
     *
     * @param properties the properties
     * @return the responder
     * @throws IllegalArgumentException naming the key, if an answer has keywords but no text or
     *     text but no keywords
     */
    public static RulesResponder fromProperties(Properties properties) {
        Builder builder = builder();
        Optional.ofNullable(properties.getProperty("greeting")).ifPresent(builder::greeting);
        Optional.ofNullable(properties.getProperty("fallback")).ifPresent(builder::fallback);
        Optional.ofNullable(properties.getProperty("handoff.keywords"))
                .ifPresent(list -> builder.handoffKeywords(split(list)));
        Optional.ofNullable(properties.getProperty("handoff.message")).ifPresent(builder::handoffMessage);
        TreeSet<String> names = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("answer.") && key.lastIndexOf('.') > "answer.".length()) {
                names.add(key.substring("answer.".length(), key.lastIndexOf('.')));
            }
        }
        for (String name : names) {
            String keywords = properties.getProperty("answer." + name + ".keywords");
            String text = properties.getProperty("answer." + name + ".text");
            if (keywords == null || text == null) {
                throw new IllegalArgumentException("answer." + name + " needs both answer." + name
                        + ".keywords and answer." + name + ".text");
            }
            builder.answer(text, split(keywords));
        }
        return builder.build();
    }

    private static String[] split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    /**
     * Answers from the rules.
     *
     * @param request the conversation
     * @return a handoff, an answer, or silence when nothing applies and there is no fallback
     */
    @Override
    public Reply respond(ResponderRequest request) {
        List<String> words = KeywordRule.words(request.latestText());
        if (handoff.isPresent() && handoff.get().matches(words)) {
            return new Reply.Handoff(handoffMessage, handoff.get().answer());
        }
        List<String> texts = new ArrayList<>();
        boolean firstContact = request.history().stream().noneMatch(m -> m.direction() == Direction.OUTBOUND);
        if (firstContact) {
            greeting.ifPresent(texts::add);
        }
        rules.stream().filter(rule -> rule.matches(words)).findFirst()
                .ifPresent(rule -> texts.add(rule.answer()));
        if (texts.isEmpty()) {
            fallback.ifPresent(texts::add);
        }
        int maxLength = request.capabilities().maxTextLength();
        List<OutboundContent> messages = new ArrayList<>();
        texts.forEach(text -> cut(text, maxLength).forEach(piece -> messages.add(new Text(piece))));
        return messages.isEmpty() ? Reply.silence() : new Reply.Answer(messages);
    }

    /** The text in pieces of at most {@code maxLength} characters, each cut at the last space that fits. */
    private static List<String> cut(String text, int maxLength) {
        List<String> pieces = new ArrayList<>();
        String rest = text;
        while (rest.length() > maxLength) {
            int space = rest.lastIndexOf(' ', maxLength);
            int end = space > 0 ? space : maxLength;
            String piece = rest.substring(0, end).strip();
            if (!piece.isEmpty()) {
                pieces.add(piece);
            }
            rest = rest.substring(end).strip();
        }
        if (!rest.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }

    /** Configures a {@link RulesResponder}. Not thread-safe; build once. */
    public static final class Builder {

        private final List<Answer> answers = new ArrayList<>();
        private final List<String> handoffKeywords = new ArrayList<>();
        private Optional<String> greeting = Optional.empty();
        private Optional<String> fallback = Optional.empty();
        private Optional<String> handoffMessage = Optional.empty();

        private Builder() {
        }

        private Builder(Builder other) {
            answers.addAll(other.answers);
            handoffKeywords.addAll(other.handoffKeywords);
            greeting = other.greeting;
            fallback = other.fallback;
            handoffMessage = other.handoffMessage;
        }

        /**
         * Adds an answer for keywords; rules are tried in the order they were added.
         *
         * @param text the answer
         * @param keywords words or phrases that trigger it, matched as whole words, ignoring case
         * @return this builder
         */
        public Builder answer(String text, String... keywords) {
            answers.add(new Answer(Objects.requireNonNull(text, "answer"), List.of(keywords)));
            return this;
        }

        /**
         * Sets the greeting sent before anything else on the first message of a conversation.
         *
         * @param text the greeting
         * @return this builder
         */
        public Builder greeting(String text) {
            this.greeting = Optional.of(Objects.requireNonNull(text, "greeting"));
            return this;
        }

        /**
         * Sets the answer when no rule matches.
         *
         * @param text the fallback
         * @return this builder
         */
        public Builder fallback(String text) {
            this.fallback = Optional.of(Objects.requireNonNull(text, "fallback"));
            return this;
        }

        /**
         * Sets the keywords by which a customer asks for a person, such as "agent" or "human".
         *
         * @param keywords the keywords, matched as whole words, ignoring case
         * @return this builder
         */
        public Builder handoffKeywords(String... keywords) {
            for (String keyword : keywords) {
                handoffKeywords.add(Objects.requireNonNull(keyword, "handoffKeywords"));
            }
            return this;
        }

        /**
         * Sets what the customer is told when the conversation is handed to a person. It goes as
         * one message, so it must fit every channel's
         * {@link dev.conversa.channel.ChannelCapabilities#maxTextLength()}.
         *
         * @param text the message
         * @return this builder
         */
        public Builder handoffMessage(String text) {
            this.handoffMessage = Optional.of(Objects.requireNonNull(text, "handoffMessage"));
            return this;
        }

        /**
         * Builds the responder.
         *
         * @return the responder
         * @throws IllegalStateException naming the setting that is invalid: a blank text, an
         *     answer without a keyword that has a letter or digit, such a handoff keyword
         */
        public RulesResponder build() {
            greeting.ifPresent(text -> requireText(text, "greeting"));
            fallback.ifPresent(text -> requireText(text, "fallback"));
            handoffMessage.ifPresent(text -> requireText(text, "handoffMessage"));
            for (String keyword : handoffKeywords) {
                if (KeywordRule.words(keyword).isEmpty()) {
                    throw new IllegalStateException("handoffKeywords: a keyword needs a letter or digit");
                }
            }
            List<KeywordRule> rules = new ArrayList<>();
            for (Answer answer : answers) {
                try {
                    rules.add(KeywordRule.of(answer.text(), answer.keywords()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("answer: " + e.getMessage(), e);
                }
            }
            return new RulesResponder(this, rules);
        }

        private static void requireText(String text, String setting) {
            if (text.isBlank()) {
                throw new IllegalStateException(setting + " must not be blank");
            }
        }

        /** One {@link #answer} call, checked by {@link #build()}. */
        private record Answer(String text, List<String> keywords) {
        }
    }

    /**
     * Gives no reading: rules do not read sentiment.
     *
     * @param request the conversation
     * @return none, saying that the rules responder reads no sentiment
     */
    @Override
    public SentimentReading sentiment(ResponderRequest request) {
        return SentimentReading.unavailable("the rules responder reads no sentiment; configure an AI responder "
                + "(such as OpenAI) for it");
    }
}
