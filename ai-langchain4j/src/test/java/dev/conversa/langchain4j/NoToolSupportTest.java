package dev.conversa.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.respond.Reply;
import dev.conversa.respond.Tool;
import dev.conversa.testsupport.Conversations;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.output.FinishReason;
import org.junit.jupiter.api.Test;

/** A model without tool calling still answers; the handoff is then left to Conversa's keywords. */
class NoToolSupportTest {

    @Test
    void aModelThatRejectsToolsIsAskedAgainWithoutThemAndAnswers() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().then(request -> {
            if (!request.toolSpecifications().isEmpty()) {
                throw new UnsupportedFeatureException("tools are not supported by this model");
            }
            return ScriptedChatModel.response(AiMessage.from("We open at 7."), FinishReason.STOP);
        });

        // when
        Reply reply = LangChain4jResponder.builder().chatModel(model).build()
                .respond(Conversations.whatsApp().customer("When do you open?").request());

        // then
        assertThat(reply).isEqualTo(Reply.text("We open at 7."));
        assertThat(model.requests()).hasSize(2);
        assertThat(model.requests().get(0).toolSpecifications()).isNotEmpty();
        assertThat(model.requests().get(1).toolSpecifications()).isEmpty();
    }

    @Test
    void withToolCallingOffTheModelIsOfferedNoToolsAndNotToldAboutTheHandoff() {
        ScriptedChatModel model = ScriptedChatModel.answering("We open at 7.");

        Reply reply = LangChain4jResponder.builder().chatModel(model).toolCalling(false).build()
                .respond(Conversations.whatsApp().customer("When do you open?").request());

        assertThat(reply).isEqualTo(Reply.text("We open at 7."));
        assertThat(model.requests()).singleElement().satisfies(request -> {
            assertThat(request.toolSpecifications()).isEmpty();
            assertThat(((SystemMessage) request.messages().get(0)).text()).doesNotContain(Tool.HANDOFF_TO_HUMAN);
        });
    }

    @Test
    void refusesHostToolsWhenToolCallingIsOff() {
        Tool tool = new Tool("order_status", "Looks up an order.", "{\"type\":\"object\"}", call -> "{}");

        assertThatThrownBy(() -> LangChain4jResponder.builder().chatModel(ScriptedChatModel.answering("Hi"))
                .toolCalling(false).tool(tool).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("toolCalling is off");
    }
}
