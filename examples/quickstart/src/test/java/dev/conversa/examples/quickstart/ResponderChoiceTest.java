package dev.conversa.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.langchain4j.LangChain4jResponder;
import dev.conversa.openai.OpenAiResponder;
import dev.conversa.respond.RulesResponder;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which responder the quick start answers with, from its environment. */
class ResponderChoiceTest {

    @Test
    void answersWithLangChain4jOverAnthropicWhenAskedAndGivenAKey() throws IOException {
        var responder = QuickStartApp.responder(TestSettings.demo(Map.of(
                "CONVERSA_AI", "langchain4j-anthropic", "ANTHROPIC_API_KEY", "sk-ant-test")));

        assertThat(responder).isInstanceOf(LangChain4jResponder.class);
        assertThat(responder.toString()).contains("model=" + LangChain4jSetup.DEFAULT_MODEL).doesNotContain("sk-ant-test");
    }

    @Test
    void failsAtStartWhenAnthropicIsAskedForWithoutAKey() {
        assertThatThrownBy(() -> QuickStartApp.responder(TestSettings.demo(Map.of("CONVERSA_AI", "langchain4j-anthropic"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("ANTHROPIC_API_KEY is required");
    }

    @Test
    void answersWithOpenAiWhenOnlyItsKeyIsSet() throws IOException {
        assertThat(QuickStartApp.responder(TestSettings.demo(Map.of("OPENAI_API_KEY", "sk-test"))))
                .isInstanceOf(OpenAiResponder.class);
    }

    @Test
    void answersWithRulesWithoutAnyKey() throws IOException {
        assertThat(QuickStartApp.responder(TestSettings.demo(Map.of()))).isInstanceOf(RulesResponder.class);
    }

    @Test
    void rejectsAnUnknownChoice() {
        assertThatThrownBy(() -> QuickStartApp.responder(TestSettings.demo(Map.of("CONVERSA_AI", "gemini"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("CONVERSA_AI must be openai or langchain4j-anthropic");
    }
}
