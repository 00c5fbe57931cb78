package dev.conversa.langchain4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.conversa.respond.Reply;
import dev.conversa.respond.TenantProfile;
import dev.conversa.respond.Tool;
import dev.conversa.respond.Usage;
import dev.conversa.testsupport.Conversations;
import dev.conversa.testsupport.LoopbackWireMock;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bridge works with a real provider module: LangChain4j's {@link AnthropicChatModel} against
 * a stand-in of Anthropic's Messages API on 127.0.0.1.
 *
 * @see <a href="https://docs.anthropic.com/en/api/messages">Messages API</a>
 */
class AnthropicBridgeTest {

    @RegisterExtension
    static LoopbackWireMock anthropic = new LoopbackWireMock();

    private static final String PATH = "/v1/messages";
    private static final String API_KEY = "sk-ant-test-0123456789";

    private final List<Usage> usage = new CopyOnWriteArrayList<>();

    @Test
    void aTextAnswerGoesThroughAnthropicsMessagesApi() {
        // given
        anthropic.stubFor(post(urlEqualTo(PATH)).willReturn(ok("message-text.json")));

        // when
        Reply reply = responder().respond(Conversations.whatsApp()
                .contact("Maria Silva", "+4915112345678").customer("When are you open tomorrow?").request());

        // then
        assertThat(reply).isEqualTo(Reply.text("We are open from 7:00 to 18:00, every day but Monday."));
        anthropic.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("x-api-key", equalTo(API_KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("claude-haiku-4-5")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("user")))
                .withRequestBody(containing("You answer for Rosa's Bakery."))
                .withRequestBody(containing("When are you open tomorrow?"))
                .withRequestBody(matchingJsonPath("$.tools[0].name", equalTo("handoff_to_human")))
                .withRequestBody(matchingJsonPath("$.tools[0].input_schema.required[0]", equalTo("reason")))
                .withRequestBody(notContaining("4915112345678")));
        assertThat(usage).containsExactly(new Usage(Conversations.TENANT, "claude-haiku-4-5-20251001", 412, 18));
    }

    @Test
    void aHandoffToolCallBecomesAHandoff() {
        anthropic.stubFor(post(urlEqualTo(PATH)).willReturn(ok("message-tool-use.json")));

        Reply reply = responder().respond(Conversations.whatsApp().customer("Let me talk to a person").request());

        assertThat(reply).isEqualTo(new Reply.Handoff(
                Optional.of("I'm passing you to a colleague, who will answer here as soon as possible."),
                "The customer asks for a person."));
    }

    @Test
    void aHostToolRunsAndItsResultGoesBackAsAToolResult() {
        // given
        anthropic.stubFor(post(urlEqualTo(PATH)).inScenario("tool").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok("message-tool-use-order.json")).willSetStateTo("answered"));
        anthropic.stubFor(post(urlEqualTo(PATH)).inScenario("tool").whenScenarioStateIs("answered")
                .willReturn(ok("message-text.json")));
        Tool orderStatus = new Tool("order_status", "Looks up an order by its number.", """
                {"type": "object", "properties": {"order_number": {"type": "string"}}, "required": ["order_number"]}
                """, call -> "{\"status\": \"shipped\"}");

        // when
        Reply reply = responder().toBuilder().tool(orderStatus).build()
                .respond(Conversations.whatsApp().customer("Where is order A-17?").request());

        // then
        assertThat(reply).isEqualTo(Reply.text("We are open from 7:00 to 18:00, every day but Monday."));
        anthropic.verify(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.tools[1].input_schema.properties.order_number.type", equalTo("string")))
                .withRequestBody(matchingJsonPath("$.messages[2].content[0].type", equalTo("tool_result")))
                .withRequestBody(matchingJsonPath("$.messages[2].content[0].tool_use_id", equalTo("toolu_01OrderLookup")))
                .withRequestBody(containing("shipped")));
        assertThat(usage).extracting(Usage::inputTokens).containsExactly(450L, 412L);
    }

    @Test
    void agentAssistDraftsAReplyWithItsInstructionsInTheSystemPrompt() {
        anthropic.stubFor(post(urlEqualTo(PATH)).willReturn(ok("message-text.json")));

        Optional<String> draft = responder().agentAssist()
                .suggestReply(Conversations.whatsApp().customer("When are you open tomorrow?").request());

        assertThat(draft).contains("We are open from 7:00 to 18:00, every day but Monday.");
        anthropic.verify(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(containing("Draft the business's next message"))
                .withRequestBody(notContaining("\"tools\"")));
    }

    @Test
    void anOverloadedApiGivesTheFallback() {
        anthropic.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(529)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}")));

        Reply reply = responder().toBuilder().fallbackMessage("Please write again in a minute.").build()
                .respond(Conversations.whatsApp().customer("When are you open tomorrow?").request());

        assertThat(reply).isEqualTo(Reply.text("Please write again in a minute."));
    }

    private LangChain4jResponder responder() {
        AnthropicChatModel claude = AnthropicChatModel.builder()
                .baseUrl(anthropic.baseUri() + "/v1/")
                .apiKey(API_KEY)
                .modelName("claude-haiku-4-5")
                .maxTokens(500)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(10))
                .build();
        return LangChain4jResponder.builder()
                .chatModel(claude)
                .profiles(tenant -> TenantProfile.of("You answer for Rosa's Bakery."))
                .usageListener(usage::add)
                .build();
    }

    private static ResponseDefinitionBuilder ok(String fixture) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(Conversations.resource("/fixtures/anthropic/" + fixture));
    }
}
