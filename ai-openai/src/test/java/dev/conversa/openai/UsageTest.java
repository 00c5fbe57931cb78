package dev.conversa.openai;

import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.conversa.openai.OpenAiStub.chat;
import static dev.conversa.openai.OpenAiStub.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.TenantId;
import dev.conversa.respond.Reply;
import dev.conversa.respond.Tool;
import dev.conversa.respond.Usage;
import dev.conversa.respond.UsageMeter;
import dev.conversa.respond.UsageTotals;
import dev.conversa.testsupport.Conversations;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UsageTest {

    @RegisterExtension
    static OpenAiStub openAi = new OpenAiStub();

    @Test
    void reportsTheTokensOfARequestAgainstTheTenant() {
        openAi.stubFor(chat().willReturn(ok("answer.json")));
        List<Usage> reported = new CopyOnWriteArrayList<>();

        openAi.responder().usageListener(reported::add).build()
                .respond(Conversations.whatsApp().customer("When are you open?").request());

        assertThat(reported).containsExactly(new Usage(Conversations.TENANT, "gpt-4o-mini-2024-07-18", 120, 30));
    }

    @Test
    void addsUpEveryRoundOfAToolLoop() {
        // given
        openAi.stubFor(chat().inScenario("tool").whenScenarioStateIs(STARTED)
                .willReturn(ok("tool-call-order-status.json")).willSetStateTo("answered"));
        openAi.stubFor(chat().inScenario("tool").whenScenarioStateIs("answered").willReturn(ok("order-status-answer.json")));
        UsageMeter meter = new UsageMeter();
        OpenAiResponder responder = openAi.responder().usageListener(meter)
                .tool(new Tool("order_status", "Looks up an order.", "{\"type\": \"object\"}", call -> "{}"))
                .build();

        // when
        responder.respond(Conversations.whatsApp().customer("Where is order A-1001?").request());

        // then
        assertThat(meter.totals(Conversations.TENANT)).isEqualTo(new UsageTotals(2, 240, 27));
    }

    @Test
    void keepsTenantsApart() {
        openAi.stubFor(chat().willReturn(ok("answer.json")));
        UsageMeter meter = new UsageMeter();
        OpenAiResponder responder = openAi.responder().usageListener(meter).build();

        responder.respond(Conversations.whatsApp(TenantId.of("luigi-pizza")).customer("Open?").request());
        responder.respond(Conversations.whatsApp(TenantId.of("luigi-pizza")).customer("Open today?").request());

        assertThat(meter.totals(TenantId.of("luigi-pizza"))).isEqualTo(new UsageTotals(2, 240, 60));
        assertThat(meter.totals(Conversations.TENANT)).isEqualTo(UsageTotals.ZERO);
    }

    @Test
    void reportsTheTokensOfAFailedAnswerToo() {
        openAi.stubFor(chat().willReturn(ok("refusal.json")));
        UsageMeter meter = new UsageMeter();

        openAi.responder().usageListener(meter).build()
                .respond(Conversations.whatsApp().customer("Hello").request());

        assertThat(meter.totals(Conversations.TENANT)).isEqualTo(new UsageTotals(1, 60, 10));
    }

    @Test
    void answersEvenWhenTheUsageListenerFails() {
        openAi.stubFor(chat().willReturn(ok("answer.json")));

        Reply reply = openAi.responder()
                .usageListener(usage -> {
                    throw new IllegalStateException("billing is down");
                })
                .build()
                .respond(Conversations.whatsApp().customer("When are you open?").request());

        assertThat(reply).isEqualTo(Reply.text("We are open from 7:00 to 18:00, every day but Monday."));
    }
}
