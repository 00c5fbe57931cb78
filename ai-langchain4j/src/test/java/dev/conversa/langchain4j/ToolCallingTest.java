package dev.conversa.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.respond.Reply;
import dev.conversa.respond.Tool;
import dev.conversa.respond.ToolInvocation;
import dev.conversa.testsupport.Conversations;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The handoff tool and host tools as LangChain4j tool specifications, run in a bounded loop. */
class ToolCallingTest {

    private static final String ORDER_SCHEMA = """
            {"type": "object",
             "properties": {"order_number": {"type": "string", "description": "The order's number"},
                            "quantity": {"type": "integer"},
                            "size": {"type": "string", "enum": ["small", "large"]}},
             "required": ["order_number"]}
            """;

    private final List<ToolInvocation> invocations = new CopyOnWriteArrayList<>();
    private final Tool orderStatus = new Tool("order_status", "Looks up an order.", ORDER_SCHEMA, call -> {
        invocations.add(call);
        return "{\"status\":\"shipped\"}";
    });

    @Test
    void offersTheHandoffToolAndTheHostToolsAsToolSpecifications() {
        ScriptedChatModel model = ScriptedChatModel.answering("Hello.");

        LangChain4jResponder.builder().chatModel(model).tool(orderStatus).build()
                .respond(Conversations.whatsApp().customer("Hi").request());

        ChatRequest request = model.lastRequest();
        assertThat(request.toolChoice()).isEqualTo(ToolChoice.AUTO);
        assertThat(request.toolSpecifications()).extracting(ToolSpecification::name)
                .containsExactly(Tool.HANDOFF_TO_HUMAN, "order_status");
        ToolSpecification order = request.toolSpecifications().get(1);
        assertThat(order.description()).isEqualTo("Looks up an order.");
        assertThat(order.parameters().required()).containsExactly("order_number");
        assertThat(order.parameters().properties().get("order_number")).isInstanceOfSatisfying(JsonStringSchema.class,
                schema -> assertThat(schema.description()).isEqualTo("The order's number"));
        assertThat(order.parameters().properties().get("quantity")).isInstanceOf(JsonIntegerSchema.class);
        assertThat(order.parameters().properties().get("size")).isInstanceOfSatisfying(JsonEnumSchema.class,
                schema -> assertThat(schema.enumValues()).containsExactly("small", "large"));
        assertThat(request.toolSpecifications().get(0).parameters().required()).containsExactly("reason");
    }

    @Test
    void theHandoffToolBecomesAHandoffWithTheModelsReason() {
        ScriptedChatModel model = new ScriptedChatModel()
                .thenCall(Tool.HANDOFF_TO_HUMAN, "{\"reason\":\"The customer wants a refund.\"}");

        Reply reply = LangChain4jResponder.builder().chatModel(model).handoffMessage("A colleague will answer.").build()
                .respond(Conversations.whatsApp().customer("I want my money back").request());

        assertThat(reply).isEqualTo(new Reply.Handoff(Optional.of("A colleague will answer."), "The customer wants a refund."));
    }

    @Test
    void aHandoffNamingAnOfferedQueueIsRoutedThereAndTheToolListsTheQueues() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().thenCall(Tool.HANDOFF_TO_HUMAN,
                "{\"reason\":\"The customer wants a quote for 40 chairs.\",\"queue\":\"sales\"}");
        LangChain4jResponder responder = LangChain4jResponder.builder().chatModel(model)
                .handoffMessage("A colleague will write to you.")
                .handoffQueue("sales", "Buying, prices and \"quotes\"")
                .handoffQueue("support", "Problems with an order").build();

        // when
        Reply reply = responder.respond(Conversations.whatsApp().customer("I need 40 chairs, who can quote?").request());

        // then
        assertThat(reply).isEqualTo(new Reply.Handoff(Optional.of("A colleague will write to you."),
                "The customer wants a quote for 40 chairs.", Optional.of("sales")));
        ToolSpecification handoff = model.lastRequest().toolSpecifications().get(0);
        assertThat(handoff.parameters().required()).containsExactly("reason");
        assertThat(handoff.parameters().properties().get("queue")).isInstanceOfSatisfying(JsonEnumSchema.class,
                schema -> {
                    assertThat(schema.enumValues()).containsExactly("sales", "support");
                    assertThat(schema.description()).contains("sales: Buying, prices and \"quotes\"")
                            .contains("support: Problems with an order");
                });
    }

    @Test
    void aHandoffNamingAQueueNotOfferedGoesToTheDefaultQueue() {
        ScriptedChatModel model = new ScriptedChatModel().thenCall(Tool.HANDOFF_TO_HUMAN,
                "{\"reason\":\"Chairs.\",\"queue\":\"billing\"}");

        Reply reply = LangChain4jResponder.builder().chatModel(model).handoffQueue("sales", "Buying").build()
                .respond(Conversations.whatsApp().customer("I need chairs").request());

        assertThat(((Reply.Handoff) reply).queue()).isEmpty();
    }

    @Test
    void withoutOfferedQueuesTheToolHasNoQueueArgumentAndANamedQueueIsIgnored() {
        ScriptedChatModel model = new ScriptedChatModel().thenCall(Tool.HANDOFF_TO_HUMAN,
                "{\"reason\":\"Chairs.\",\"queue\":\"sales\"}");

        Reply reply = LangChain4jResponder.builder().chatModel(model).build()
                .respond(Conversations.whatsApp().customer("I need chairs").request());

        assertThat(((Reply.Handoff) reply).queue()).isEmpty();
        assertThat(model.lastRequest().toolSpecifications().get(0).parameters().properties()).doesNotContainKey("queue");
    }

    @Test
    void theQueuesSurviveToBuilder() {
        ScriptedChatModel model = new ScriptedChatModel().thenCall(Tool.HANDOFF_TO_HUMAN,
                "{\"reason\":\"Chairs.\",\"queue\":\"sales\"}");
        LangChain4jResponder first = LangChain4jResponder.builder().chatModel(model).handoffQueue("sales", "Buying").build();

        Reply reply = first.toBuilder().build().respond(Conversations.whatsApp().customer("I need chairs").request());

        assertThat(((Reply.Handoff) reply).queue()).contains("sales");
    }

    @Test
    void runsAHostToolAndSendsItsResultBackBeforeTheAnswer() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .thenCall("order_status", "{\"order_number\":\"A-17\"}")
                .thenAnswer("Your order A-17 has shipped.");

        // when
        Reply reply = LangChain4jResponder.builder().chatModel(model).tool(orderStatus).build()
                .respond(Conversations.whatsApp().customer("Where is order A-17?").request());

        // then
        assertThat(reply).isEqualTo(Reply.text("Your order A-17 has shipped."));
        assertThat(invocations).singleElement().satisfies(call -> {
            assertThat(call.tenant()).isEqualTo(Conversations.TENANT);
            assertThat(call.argumentsJson()).isEqualTo("{\"order_number\":\"A-17\"}");
        });
        ChatRequest second = model.requests().get(1);
        assertThat(second.messages().get(second.messages().size() - 1))
                .isInstanceOfSatisfying(ToolExecutionResultMessage.class, result -> {
                    assertThat(result.id()).isEqualTo("call-order_status");
                    assertThat(result.toolName()).isEqualTo("order_status");
                    assertThat(result.text()).isEqualTo("{\"status\":\"shipped\"}");
                });
    }

    @Test
    void tellsTheModelWhenAToolFailsWithoutTheExceptionsMessage() {
        Tool failing = new Tool("order_status", "Looks up an order.", ORDER_SCHEMA, call -> {
            throw new IllegalStateException("database password is hunter2");
        });
        ScriptedChatModel model = new ScriptedChatModel().thenCall("order_status", "{}").thenAnswer("I could not look it up.");

        Reply reply = LangChain4jResponder.builder().chatModel(model).tool(failing).build()
                .respond(Conversations.whatsApp().customer("Where is my order?").request());

        assertThat(reply).isEqualTo(Reply.text("I could not look it up."));
        assertThat(ScriptedChatModel.text(model.requests().get(1))).contains("the tool failed").doesNotContain("hunter2");
    }

    @Test
    void stopsAfterTheLastRoundForbidsToolsAndSendsTheFallback() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().thenCall("order_status", "{\"order_number\":\"A-17\"}");

        // when
        Reply reply = LangChain4jResponder.builder().chatModel(model).tool(orderStatus).maxToolRounds(2)
                .fallbackMessage("Sorry, please try again later.").build()
                .respond(Conversations.whatsApp().customer("Where is order A-17?").request());

        // then
        assertThat(reply).isEqualTo(Reply.text("Sorry, please try again later."));
        assertThat(model.requests()).hasSize(3);
        assertThat(model.requests()).extracting(ChatRequest::toolChoice)
                .containsExactly(ToolChoice.AUTO, ToolChoice.AUTO, ToolChoice.NONE);
        assertThat(invocations).hasSize(2);
    }
}
