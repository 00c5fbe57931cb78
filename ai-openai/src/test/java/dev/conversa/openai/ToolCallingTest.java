package dev.conversa.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.conversa.openai.OpenAiStub.chat;
import static dev.conversa.openai.OpenAiStub.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.Text;
import dev.conversa.respond.Reply;
import dev.conversa.respond.Tool;
import dev.conversa.respond.ToolInvocation;
import dev.conversa.testsupport.Conversations;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ToolCallingTest {

    @RegisterExtension
    static OpenAiStub openAi = new OpenAiStub();

    private static final String ORDER_SCHEMA = """
            {"type": "object", "properties": {"order_number": {"type": "string"}}, "required": ["order_number"]}
            """;
    private final List<ToolInvocation> invocations = new CopyOnWriteArrayList<>();

    @Test
    void handsOffWithTheConfiguredMessageWhenTheModelCallsHandoffToHuman() {
        openAi.stubFor(chat().willReturn(ok("tool-call-handoff.json")));
        OpenAiResponder responder = openAi.responder()
                .handoffMessage("A colleague will write to you in a moment.").build();

        Reply reply = responder.respond(Conversations.whatsApp().customer("I want a refund, get me a human").request());

        assertThat(reply).isEqualTo(new Reply.Handoff(Optional.of("A colleague will write to you in a moment."),
                "The customer wants to speak to a person about a refund."));
    }

    @Test
    void aHandoffNamingAnOfferedQueueIsRoutedThereAndTheToolListsTheQueues() throws Exception {
        openAi.stubFor(chat().willReturn(ok("tool-call-handoff-queue.json")));
        OpenAiResponder responder = openAi.responder().handoffMessage("A colleague will write to you.")
                .handoffQueue("sales", "Buying, prices and \"quotes\"")
                .handoffQueue("support", "Problems with an order").build();

        Reply reply = responder.respond(Conversations.whatsApp().customer("I need 40 chairs, who can quote?").request());

        assertThat(reply).isEqualTo(new Reply.Handoff(Optional.of("A colleague will write to you."),
                "The customer wants a quote for 40 chairs.", Optional.of("sales")));
        String body = openAi.getAllServeEvents().get(0).getRequest().getBodyAsString();
        tools.jackson.databind.JsonNode queue = new tools.jackson.databind.ObjectMapper().readTree(body).get("tools")
                .get(0).get("function").get("parameters").get("properties").get("queue");
        assertThat(queue.get("enum").toString()).isEqualTo("[\"sales\",\"support\"]");
        assertThat(queue.get("description").asString()).contains("sales: Buying, prices and \"quotes\"")
                .contains("support: Problems with an order");
    }

    @Test
    void aHandoffNamingAQueueNotOfferedGoesToTheDefaultQueue() {
        openAi.stubFor(chat().willReturn(ok("tool-call-handoff-unknown-queue.json")));
        OpenAiResponder responder = openAi.responder().handoffQueue("sales", "Buying").build();

        Reply reply = responder.respond(Conversations.whatsApp().customer("I need chairs").request());

        assertThat(((Reply.Handoff) reply).queue()).isEmpty();
    }

    @Test
    void withoutOfferedQueuesTheToolHasNoQueueArgument() {
        openAi.stubFor(chat().willReturn(ok("tool-call-handoff-queue.json")));
        OpenAiResponder responder = openAi.responder().build();

        Reply reply = responder.respond(Conversations.whatsApp().customer("I need chairs").request());

        assertThat(((Reply.Handoff) reply).queue()).isEmpty();
        assertThat(openAi.getAllServeEvents().get(0).getRequest().getBodyAsString()).doesNotContain("\"queue\"");
    }

    @Test
    void runsAHostToolAndAnswersWithItsResult() {
        // given
        stubToolRoundTrip();
        OpenAiResponder responder = openAi.responder().tool(orderStatus()).build();

        // when
        Reply reply = responder.respond(Conversations.whatsApp().customer("Where is my order A-1001?").request());

        // then
        assertThat(reply).isEqualTo(new Reply.Answer(List.of(new Text("Your order A-1001 left our shop this morning."))));
        assertThat(invocations).singleElement().satisfies(call -> {
            assertThat(call.tenant()).isEqualTo(Conversations.TENANT);
            assertThat(call.argumentsJson()).isEqualTo("{\"order_number\":\"A-1001\"}");
        });
    }

    @Test
    void sendsTheToolCallAndItsResultBackToTheModel() {
        stubToolRoundTrip();

        openAi.responder().tool(orderStatus()).build()
                .respond(Conversations.whatsApp().customer("Where is my order A-1001?").request());

        openAi.verify(1, postRequestedFor(urlEqualTo(OpenAiStub.PATH))
                .withRequestBody(matchingJsonPath("$.messages.length()", equalTo("4")))
                .withRequestBody(matchingJsonPath("$.messages[2]", equalToJson("""
                        {"role": "assistant", "tool_calls": [{"id": "call_order_1", "type": "function",
                          "function": {"name": "order_status", "arguments": "{\\"order_number\\":\\"A-1001\\"}"}}]}
                        """)))
                .withRequestBody(matchingJsonPath("$.messages[3]", equalToJson("""
                        {"role": "tool", "tool_call_id": "call_order_1", "content": "{\\"status\\":\\"shipped\\"}"}
                        """))));
    }

    @Test
    void tellsTheModelWhenAToolFailsWithoutItsExceptionMessage() {
        stubToolRoundTrip();
        Tool failing = new Tool("order_status", "Looks up an order.", ORDER_SCHEMA, call -> {
            throw new IllegalStateException("database password is hunter2");
        });

        Reply reply = openAi.responder().tool(failing).build()
                .respond(Conversations.whatsApp().customer("Where is my order A-1001?").request());

        assertThat(reply).isInstanceOf(Reply.Answer.class);
        openAi.verify(postRequestedFor(urlEqualTo(OpenAiStub.PATH)).withRequestBody(matchingJsonPath(
                "$.messages[3].content", equalTo("{\"error\":\"the tool failed; tell the customer you could not look this up\"}"))));
    }

    @Test
    void fallsBackWhenTheModelKeepsCallingToolsPastTheRounds() {
        // given
        openAi.stubFor(chat().willReturn(ok("tool-call-order-status.json")));
        OpenAiResponder responder = openAi.responder().tool(orderStatus()).maxToolRounds(2)
                .fallbackMessage("Sorry, please try again later.").build();

        // when
        Reply reply = responder.respond(Conversations.whatsApp().customer("Where is my order A-1001?").request());

        // then
        assertThat(reply).isEqualTo(Reply.text("Sorry, please try again later."));
        assertThat(invocations).hasSize(2);
        openAi.verify(3, postRequestedFor(urlEqualTo(OpenAiStub.PATH)));
    }

    @Test
    void forbidsToolCallsInTheRequestAfterTheLastRound() {
        stubToolRoundTrip();

        openAi.responder().tool(orderStatus()).maxToolRounds(1).build()
                .respond(Conversations.whatsApp().customer("Where is my order A-1001?").request());

        openAi.verify(1, postRequestedFor(urlEqualTo(OpenAiStub.PATH))
                .withRequestBody(matchingJsonPath("$.tool_choice", equalTo("none"))));
        openAi.verify(1, postRequestedFor(urlEqualTo(OpenAiStub.PATH))
                .withRequestBody(notMatching(".*tool_choice.*")));
    }

    @Test
    void answersAnUnknownToolWithAnError() {
        stubToolRoundTrip();

        openAi.responder().build()
                .respond(Conversations.whatsApp().customer("Where is my order A-1001?").request());

        openAi.verify(postRequestedFor(urlEqualTo(OpenAiStub.PATH)).withRequestBody(matchingJsonPath(
                "$.messages[3].content", equalTo("{\"error\":\"there is no tool named order_status\"}"))));
    }

    private Tool orderStatus() {
        return new Tool("order_status", "Looks up the status of an order by its number.", ORDER_SCHEMA, call -> {
            invocations.add(call);
            return "{\"status\":\"shipped\"}";
        });
    }

    private static void stubToolRoundTrip() {
        openAi.stubFor(chat().inScenario("tool").whenScenarioStateIs(STARTED)
                .willReturn(ok("tool-call-order-status.json")).willSetStateTo("tool answered"));
        openAi.stubFor(chat().inScenario("tool").whenScenarioStateIs("tool answered")
                .willReturn(ok("order-status-answer.json")));
    }
}
