package dev.conversa.openai;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.Secret;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BuilderValidationTest {

    private static final String SCHEMA = "{\"type\": \"object\"}";

    @Test
    void rejectsAToolNamedLikeTheBuiltInHandoff() {
        assertThatThrownBy(() -> new Tool("handoff_to_human", "Mine.", SCHEMA, call -> "{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tool name handoff_to_human is built in; choose another");
    }

    @Test
    void rejectsAToolNameWithSpaces() {
        assertThatThrownBy(() -> new Tool("order status", "Looks up an order.", SCHEMA, call -> "{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tool name must be 1-64 letters, digits, '_' or '-'");
    }

    @Test
    void rejectsAToolWithoutDescription() {
        assertThatThrownBy(() -> new Tool("order_status", " ", SCHEMA, call -> "{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tool 'order_status' needs a description, so the model knows when to use it");
    }

    @Test
    void rejectsAToolSchemaThatIsNotJsonWhenBuilding() {
        OpenAiResponder.Builder builder = OpenAiResponder.builder().apiKey(Secret.of("sk-test"))
                .tool(new Tool("order_status", "Looks up an order.", "{type: object", call -> "{}"));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tool 'order_status': the parameters schema is not valid JSON");
    }

    @Test
    void rejectsAToolSchemaThatIsNotAnObject() {
        OpenAiResponder.Builder builder = OpenAiResponder.builder().apiKey(Secret.of("sk-test"))
                .tool(new Tool("order_status", "Looks up an order.", "[]", call -> "{}"));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tool 'order_status': the parameters schema must be a JSON object");
    }

    @Test
    void rejectsTheSameToolTwice() {
        Tool tool = new Tool("order_status", "Looks up an order.", SCHEMA, call -> "{}");
        OpenAiResponder.Builder builder = OpenAiResponder.builder().tool(tool);

        assertThatThrownBy(() -> builder.tool(tool))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tool 'order_status' was added twice");
    }

    @Test
    void rejectsABaseUrlWithoutScheme() {
        assertThatThrownBy(() -> OpenAiResponder.builder().baseUrl("api.openai.com/v1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("baseUrl must be an absolute http(s) URL");
    }

    @Test
    void rejectsATemperatureAboveTwo() {
        assertThatThrownBy(() -> OpenAiResponder.builder().temperature(2.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("temperature must be between 0 and 2");
    }

    @Test
    void rejectsAMaxBackoffBelowTheInitialBackoff() {
        assertThatThrownBy(() -> OpenAiResponder.builder().retries(2, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBackoff must not be below initialBackoff");
    }

    @Test
    void rejectsZeroToolRounds() {
        assertThatThrownBy(() -> OpenAiResponder.builder().maxToolRounds(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxToolRounds must be positive");
    }

    @Test
    void rejectsABlankFallbackMessage() {
        assertThatThrownBy(() -> OpenAiResponder.builder().fallbackMessage(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fallbackMessage must not be blank");
    }
}
