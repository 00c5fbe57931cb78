package dev.conversa.openai;

import static dev.conversa.openai.OpenAiStub.chat;
import static dev.conversa.openai.OpenAiStub.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.lang.Secret;
import dev.conversa.respond.Reply;
import dev.conversa.respond.TenantProfile;
import dev.conversa.respond.Tool;
import dev.conversa.respond.UsageMeter;
import dev.conversa.testsupport.Conversations;
import dev.conversa.testsupport.LoopbackWireMock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The example of ai-openai/README.md, compiled and run; keep the two in step. */
class ReadmeExampleTest {

    @RegisterExtension
    static LoopbackWireMock openAi = new LoopbackWireMock();

    @Test
    void readmeExampleAnswersACustomer() {
        String apiKey = OpenAiStub.API_KEY.reveal();
        String baseUrl = openAi.baseUri() + "/v1";
        openAi.stubFor(chat().willReturn(ok("answer.json")));

        UsageMeter usage = new UsageMeter();
        OpenAiResponder responder = OpenAiResponder.builder()
                .apiKey(Secret.of(apiKey))
                .baseUrl(baseUrl)
                .model("gpt-4o-mini")
                .profiles(tenant -> new TenantProfile(
                        "You answer for Rosa's Bakery. Be brief and warm.",
                        List.of("Open 7:00-18:00, closed on Mondays.", "Sourdough costs 6 EUR.")))
                .tool(new Tool("order_status", "Looks up an order by its number.", """
                        {"type": "object", "properties": {"order_number": {"type": "string"}}, "required": ["order_number"]}
                        """, call -> "{\"status\": \"shipped\"}"))
                .usageListener(usage)
                .build();

        Reply reply = responder.respond(Conversations.whatsApp().customer("When are you open?").request());

        assertThat(reply).isInstanceOf(Reply.Answer.class);
        assertThat(usage.totals(Conversations.TENANT).totalTokens()).isEqualTo(150);
    }
}
