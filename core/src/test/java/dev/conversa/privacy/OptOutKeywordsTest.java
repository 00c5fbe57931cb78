package dev.conversa.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.privacy.OptOutKeywords.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which messages are STOP or START: the keyword alone, case, accents and surrounding punctuation ignored. */
class OptOutKeywordsTest {

    private final OptOutKeywords defaults = OptOutKeywords.defaults();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "STOP|en", "stop|en", "  Stop!  |en", "UNSUBSCRIBE.|en", "baja|es", "Parar|es", "¡CANCELAR!|es",
        "sair|pt", "SAÍR|pt", "\"stop\"|en"})
    void aKeywordAloneInAnyCaseWithAccentsOrPunctuationIsAnOptOut(String text, String language) {
        assertThat(defaults.match(text)).hasValueSatisfying(match -> {
            assertThat(match.action()).isEqualTo(Action.OPT_OUT);
            assertThat(match.language()).isEqualTo(language);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "start", "Alta", "voltar!"})
    void theDefaultOptInKeywordsAreStartAltaAndVoltar(String text) {
        assertThat(defaults.match(text)).hasValueSatisfying(match -> assertThat(match.action()).isEqualTo(Action.OPT_IN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stop, I'll come tomorrow", "please stop", "stopp", "STOP 2", "no", "", "   "})
    void aKeywordWithinMoreTextIsNoKeyword(String text) {
        assertThat(defaults.match(text)).isEmpty();
    }

    @Test
    void eachLanguageConfirmsInItsOwnWords() {
        assertThat(defaults.match("STOP").orElseThrow().confirmation()).contains("START");
        assertThat(defaults.match("BAJA").orElseThrow().confirmation()).contains("ALTA");
        assertThat(defaults.match("SAIR").orElseThrow().confirmation()).contains("VOLTAR");
    }

    @Test
    void aHostAddsALanguageToTheDefaults() {
        OptOutKeywords keywords = OptOutKeywords.builder().optOut("it", "basta").optIn("it", "riprendi")
                .confirmations("it", "Fatto.", "Bentornato.").build();

        assertThat(keywords.match("Basta!")).contains(new OptOutKeywords.Match(Action.OPT_OUT, "it", "Fatto."));
        assertThat(keywords.match("STOP")).isPresent();
        assertThat(keywords.toBuilder().build().match("riprendi"))
                .contains(new OptOutKeywords.Match(Action.OPT_IN, "it", "Bentornato."));
    }

    @Test
    void withoutDefaultsOnlyTheHostsKeywordsCount() {
        OptOutKeywords keywords = OptOutKeywords.builder().withoutDefaults().optOut("en", "QUIT")
                .confirmations("en", "Bye.", "Welcome back.").build();

        assertThat(keywords.match("quit")).isPresent();
        assertThat(keywords.match("STOP")).isEmpty();
    }

    @Test
    void buildNamesTheMissingConfirmations() {
        assertThatThrownBy(() -> OptOutKeywords.builder().optOut("it", "BASTA").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("confirmations of language 'it' are required");
    }

    @Test
    void buildRefusesAKeywordWithTwoMeanings() {
        assertThatThrownBy(() -> OptOutKeywords.builder().optIn("en", "stop").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("optIn keyword 'STOP' is given twice");
    }

    @Test
    void buildRequiresAnOptOutKeyword() {
        assertThatThrownBy(() -> OptOutKeywords.builder().withoutDefaults().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("optOut is required");
    }
}
