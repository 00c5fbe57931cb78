package dev.conversa.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.respond.Reply;
import dev.conversa.respond.TenantProfile;
import dev.conversa.respond.Tool;
import dev.conversa.testsupport.Conversations;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** build() names what is missing or out of range; toBuilder() copies; toString() shows no text. */
class BuilderValidationTest {

    private static final Tool TOOL = new Tool("order_status", "Looks up an order.", "{\"type\":\"object\"}", call -> "{}");

    @Test
    void requiresTheChatModel() {
        assertThatThrownBy(() -> LangChain4jResponder.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("chatModel is required: call LangChain4jResponder.builder().chatModel(");
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of((UnaryOperator<LangChain4jResponder.Builder>) b -> b.historyBudgetChars(0), "historyBudgetChars"),
                Arguments.of((UnaryOperator<LangChain4jResponder.Builder>) b -> b.maxToolRounds(0), "maxToolRounds"),
                Arguments.of((UnaryOperator<LangChain4jResponder.Builder>) b -> b.maxMessagesPerReply(-1), "maxMessagesPerReply"),
                Arguments.of((UnaryOperator<LangChain4jResponder.Builder>) b -> b.fallbackMessage(" "), "fallbackMessage"),
                Arguments.of((UnaryOperator<LangChain4jResponder.Builder>) b -> b.handoffMessage(""), "handoffMessage"),
                Arguments.of((UnaryOperator<LangChain4jResponder.Builder>) b -> b.tool(TOOL).tool(TOOL), "tool 'order_status'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badSettings")
    void namesTheSettingThatIsOutOfRange(UnaryOperator<LangChain4jResponder.Builder> setting, String name) {
        LangChain4jResponder.Builder builder = setting.apply(
                LangChain4jResponder.builder().chatModel(ScriptedChatModel.answering("Hi")));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class).hasMessageStartingWith(name);
    }

    @Test
    void rejectsAToolSchemaThatIsNotAJsonObject() {
        Tool broken = new Tool("order_status", "Looks up an order.", "[1, 2]", call -> "{}");

        assertThatThrownBy(() -> LangChain4jResponder.builder().chatModel(ScriptedChatModel.answering("Hi")).tool(broken).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("order_status");
    }

    @Test
    void rejectsAMalformedHandoffQueueAtOnce() {
        LangChain4jResponder.Builder builder = LangChain4jResponder.builder();

        assertThatThrownBy(() -> builder.handoffQueue("sales team", "Buying"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("queueId");
        assertThatThrownBy(() -> builder.handoffQueue("sales", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("description");
    }

    @Test
    void aCopyKeepsTheSettingsAndLeavesTheOriginalAsItIs() {
        // given
        ScriptedChatModel model = ScriptedChatModel.answering("");
        LangChain4jResponder original = LangChain4jResponder.builder().chatModel(model)
                .profiles(tenant -> TenantProfile.of("You answer for Rosa's Bakery.")).fallbackMessage("First fallback.")
                .build();

        // when
        LangChain4jResponder copy = original.toBuilder().fallbackMessage("Second fallback.").build();

        // then
        assertThat(original.respond(Conversations.whatsApp().customer("Hi").request())).isEqualTo(Reply.text("First fallback."));
        assertThat(copy.respond(Conversations.whatsApp().customer("Hi").request())).isEqualTo(Reply.text("Second fallback."));
        assertThat(ScriptedChatModel.text(model.lastRequest())).contains("You answer for Rosa's Bakery.");
    }

    @Test
    void toStringShowsTheModelAndSettingsButNoText() {
        LangChain4jResponder responder = LangChain4jResponder.builder().chatModel(ScriptedChatModel.answering("Hi"))
                .fallbackMessage("Secret fallback wording").profiles(tenant -> TenantProfile.of("Secret instructions"))
                .build();

        assertThat(responder.toString()).startsWith("LangChain4jResponder[model=ScriptedChatModel")
                .contains("historyBudgetChars=12000").doesNotContain("Secret");
    }
}
