package dev.conversa.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.respond.Reply;
import dev.conversa.respond.Tool;
import dev.conversa.respond.Usage;
import dev.conversa.respond.UsageMeter;
import dev.conversa.respond.UsageTotals;
import dev.conversa.testsupport.Conversations;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Every request's token usage goes to the same UsageListener the OpenAI responder reports to. */
class UsageTest {

    @Test
    void reportsEachRequestsTokensForTheTenantAndModel() {
        List<Usage> reported = new CopyOnWriteArrayList<>();

        LangChain4jResponder.builder().chatModel(ScriptedChatModel.answering("We open at 7.")).usageListener(reported::add)
                .build().respond(Conversations.whatsApp().customer("When do you open?").request());

        assertThat(reported).containsExactly(new Usage(Conversations.TENANT, ScriptedChatModel.MODEL, 100, 20));
    }

    @Test
    void addsUpEveryRoundOfAToolLoopInAMeter() {
        UsageMeter meter = new UsageMeter();
        Tool tool = new Tool("order_status", "Looks up an order.", "{\"type\":\"object\"}", call -> "{\"status\":\"late\"}");
        ScriptedChatModel model = new ScriptedChatModel().thenCall("order_status", "{}").thenAnswer("It is late, sorry.");

        LangChain4jResponder.builder().chatModel(model).tool(tool).usageListener(meter).build()
                .respond(Conversations.whatsApp().customer("Where is my order?").request());

        assertThat(meter.totals(Conversations.TENANT)).isEqualTo(new UsageTotals(2, 200, 40));
    }

    @Test
    void aFailingListenerDoesNotCostTheCustomerTheAnswer() {
        Reply reply = LangChain4jResponder.builder().chatModel(ScriptedChatModel.answering("We open at 7."))
                .usageListener(usage -> {
                    throw new IllegalStateException("billing is down");
                })
                .build().respond(Conversations.whatsApp().customer("When do you open?").request());

        assertThat(reply).isEqualTo(Reply.text("We open at 7."));
    }
}
