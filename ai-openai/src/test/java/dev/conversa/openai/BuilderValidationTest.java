package dev.conversa.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.lang.Secret;
import dev.conversa.respond.Tool;
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
        OpenAiResponder.Builder builder = OpenAiResponder.builder().apiKey(Secret.of("sk-test")).tool(tool).tool(tool);

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("tool 'order_status' was added twice");
    }

    @Test
    void rejectsABaseUrlWithoutScheme() {
        assertThatThrownBy(() -> OpenAiResponder.builder().apiKey(Secret.of("sk-test")).baseUrl("api.openai.com/v1").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("baseUrl must be an absolute http(s) URL");
    }

    @Test
    void rejectsATemperatureAboveTwo() {
        assertThatThrownBy(() -> OpenAiResponder.builder().apiKey(Secret.of("sk-test")).temperature(2.5).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("temperature must be between 0 and 2");
    }

    @Test
    void rejectsAMaxBackoffBelowTheInitialBackoff() {
        assertThatThrownBy(() -> OpenAiResponder.builder().apiKey(Secret.of("sk-test"))
                .retries(2, Duration.ofSeconds(2), Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("maxBackoff must not be below initialBackoff");
    }

    @Test
    void rejectsZeroToolRounds() {
        assertThatThrownBy(() -> OpenAiResponder.builder().apiKey(Secret.of("sk-test")).maxToolRounds(0).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("maxToolRounds must be positive, got 0");
    }

    @Test
    void requiresTheApiKey() {
        assertThatThrownBy(() -> OpenAiResponder.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("apiKey is required: call OpenAiResponder.builder().apiKey(");
    }

    @Test
    void toBuilderBuildsAnEqualConfigurationAndLeavesTheOriginalAlone() {
        OpenAiResponder original = OpenAiResponder.builder().apiKey(Secret.of("sk-test")).model("gpt-4o").fallbackMessage("Later.").build();

        OpenAiResponder copy = original.toBuilder().build();
        OpenAiResponder changed = original.toBuilder().model("gpt-4o-mini").build();

        assertThat(copy).hasToString(original.toString());
        assertThat(changed.toString()).contains("gpt-4o-mini");
        assertThat(original.toString()).contains("gpt-4o").doesNotContain("gpt-4o-mini");
    }

    @Test
    void rejectsABlankFallbackMessage() {
        assertThatThrownBy(() -> OpenAiResponder.builder().apiKey(Secret.of("sk-test")).fallbackMessage(" ").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("fallbackMessage must not be blank");
    }
}
