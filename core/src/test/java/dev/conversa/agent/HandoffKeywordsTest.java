package dev.conversa.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.model.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandoffKeywordsTest {

    private static final TenantId SHOP = TenantId.of("shop");
    private static final TenantId ACME = TenantId.of("acme");

    @ParameterizedTest
    @ValueSource(strings = {"agent", "Human", "PERSON", " agent. ", "talk to a human!", "persona", "¡Asesor!",
        "asesora", "hablar con un asesor", "atendente", "Atendimento humano", "falar com atendente", "pessoa?",
        "AGENTÉ", "Operador"})
    void theDefaultsMatchAWholeMessageInEnglishSpanishOrPortugueseIgnoringCaseAccentsAndPunctuation(String message) {
        assertThat(HandoffKeywords.defaults().matches(SHOP, message)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"agent please", "I am not a person", "my agent number is 12", "", "   ", "!!!",
        "humanity", "hablar"})
    void aMessageThatIsMoreOrLessThanAKeywordDoesNotMatch(String message) {
        assertThat(HandoffKeywords.defaults().matches(SHOP, message)).isFalse();
    }

    @Test
    void aTenantsOwnKeywordsReplaceThatLanguageForThatTenantOnly() {
        HandoffKeywords keywords = HandoffKeywords.defaults().toBuilder().tenant(ACME, "es", "ejecutivo de cuenta")
                .build();

        assertThat(keywords.matches(ACME, "Ejecutivo de cuenta")).isTrue();
        assertThat(keywords.matches(ACME, "asesor")).isFalse();
        assertThat(keywords.matches(ACME, "agent")).isTrue();
        assertThat(keywords.matches(SHOP, "asesor")).isTrue();
        assertThat(keywords.matches(SHOP, "ejecutivo de cuenta")).isFalse();
        assertThat(keywords.keywords(ACME, "ES")).containsExactly("ejecutivo de cuenta");
        assertThat(keywords.keywords(SHOP, "es")).contains("asesor", "persona");
    }

    @Test
    void anEmptySetMatchesNothing() {
        assertThat(HandoffKeywords.builder().build().matches(SHOP, "agent")).isFalse();
    }

    @Test
    void buildRefusesAKeywordWithoutLettersOrDigits() {
        assertThatThrownBy(() -> HandoffKeywords.builder().language("en", "?!").build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("keywords");
    }

    @Test
    void toBuilderKeepsEveryKeyword() {
        HandoffKeywords keywords = HandoffKeywords.defaults().toBuilder().tenant(ACME, "pt", "vendedor").build();

        HandoffKeywords copy = keywords.toBuilder().build();

        assertThat(copy.keywords(ACME, "pt")).containsExactly("vendedor");
        assertThat(copy.keywords(SHOP, "en")).isEqualTo(keywords.keywords(SHOP, "en"));
    }
}
