package dev.conversa.langchain4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.respond.Reply;
import dev.conversa.respond.TenantProfile;
import dev.conversa.respond.Tool;
import dev.conversa.respond.UsageMeter;
import dev.conversa.testsupport.Conversations;
import dev.conversa.testsupport.LoopbackWireMock;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The example of README.md compiles and answers, against the Messages API stand-in. */
class ReadmeExampleTest {

    @RegisterExtension
    static LoopbackWireMock anthropic = new LoopbackWireMock();

    @Test
    void theReadmeExampleAnswersAndMetersUsage() {
        // given
        anthropic.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(Conversations.resource("/fixtures/anthropic/message-text.json"))));
        UsageMeter usage = new UsageMeter();
        Tool orderStatus = new Tool("order_status", "Looks up an order by its number.", """
                {"type": "object", "properties": {"order_number": {"type": "string"}}, "required": ["order_number"]}
                """, call -> "{\"status\": \"shipped\"}");

        // when (README.md, with the stand-in's address and a test key)
        ChatModel claude = AnthropicChatModel.builder()   // langchain4j-anthropic
                .baseUrl(anthropic.baseUri() + "/v1/")
                .apiKey("sk-ant-test")
                .modelName("claude-haiku-4-5")
                .maxTokens(500)
                .timeout(Duration.ofSeconds(30))          // bounds the customer's wait
                .build();
        LangChain4jResponder responder = LangChain4jResponder.builder()
                .chatModel(claude)
                .profiles(tenant -> TenantProfile.of("You answer for Rosa's Bakery. Be brief and warm."))
                .tool(orderStatus)                        // dev.conversa.respond.Tool, as for OpenAiResponder
                .usageListener(usage)                     // the same UsageListener / UsageMeter
                .build();

        // then
        assertThat(responder.respond(Conversations.whatsApp().customer("When are you open?").request()))
                .isEqualTo(Reply.text("We are open from 7:00 to 18:00, every day but Monday."));
        assertThat(usage.totals(Conversations.TENANT).totalTokens()).isEqualTo(430);
    }
}
