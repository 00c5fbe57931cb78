package dev.conversa.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.internal.respond.PromptComposer;
import dev.conversa.respond.TenantProfile;
import dev.conversa.testsupport.Conversations;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the model is sent: the system prompt from the tenant and the channel, then the history. */
class PromptTest {

    private final ScriptedChatModel model = ScriptedChatModel.answering("We open at 7.");

    @Test
    void systemPromptHoldsTheTenantsInstructionsKnowledgeAndTheChannelsRules() {
        // given
        LangChain4jResponder responder = LangChain4jResponder.builder().chatModel(model)
                .profiles(tenant -> new TenantProfile("You answer for Rosa's Bakery.", List.of("Open 7:00-18:00.")))
                .build();

        // when
        responder.respond(Conversations.whatsApp().customer("When do you open?").request());

        // then
        String system = ((SystemMessage) model.lastRequest().messages().get(0)).text();
        assertThat(system).startsWith("You answer for Rosa's Bakery.")
                .contains("Business knowledge:\n- Open 7:00-18:00.")
                .contains("Formatting: *bold* _italic_ ~strikethrough~")
                .contains("Keep the answer under 4096 characters.")
                .contains("call handoff_to_human");
    }

    @Test
    void usesTheDefaultInstructionsWhenTheTenantHasNone() {
        LangChain4jResponder.builder().chatModel(model).build()
                .respond(Conversations.whatsApp().customer("Hi").request());

        assertThat(((SystemMessage) model.lastRequest().messages().get(0)).text())
                .startsWith(PromptComposer.DEFAULT_INSTRUCTIONS);
    }

    @Test
    void namesTheContactButNeverSendsThePhoneNumber() {
        LangChain4jResponder.builder().chatModel(model).build()
                .respond(Conversations.whatsApp().contact("Maria Silva", "+4915112345678").customer("Hi").request());

        String sent = ScriptedChatModel.text(model.lastRequest());
        assertThat(sent).contains("The customer's profile name is \"Maria Silva\".")
                .doesNotContain("4915112345678").doesNotContain("151 1234");
    }

    @Test
    void sendsTheHistoryInOrderAsUserAndAssistantMessages() {
        LangChain4jResponder.builder().chatModel(model).build().respond(Conversations.whatsApp()
                .customer("Do you bake rye bread?").bot("Yes, every morning.").customer("How much is it?")
                .request());

        ChatRequest request = model.lastRequest();
        assertThat(request.messages()).hasSize(4);
        assertThat(((UserMessage) request.messages().get(1)).singleText()).isEqualTo("Do you bake rye bread?");
        assertThat(((AiMessage) request.messages().get(2)).text()).isEqualTo("Yes, every morning.");
        assertThat(((UserMessage) request.messages().get(3)).singleText()).isEqualTo("How much is it?");
    }

    @Test
    void keepsTheWaitingMessagesAndDropsTheOldestBeyondTheHistoryBudget() {
        // given
        Conversations conversation = Conversations.whatsApp();
        for (int i = 0; i < 10; i++) {
            conversation.customer("Old question number " + i + ".").bot("Old answer number " + i + ".");
        }
        conversation.customer("First waiting message, quite long so it alone exceeds the budget.").customer("Second.");

        // when
        LangChain4jResponder.builder().chatModel(model).historyBudgetChars(60).build().respond(conversation.request());

        // then
        List<String> sent = model.lastRequest().messages().stream().skip(1).map(ScriptedChatModel::text).toList();
        assertThat(sent).containsExactly("user: First waiting message, quite long so it alone exceeds the budget.",
                "user: Second.");
    }

    @Test
    void keepsAsManyRecentMessagesAsFitTheBudget() {
        LangChain4jResponder.builder().chatModel(model).historyBudgetChars(30).build().respond(Conversations.whatsApp()
                .customer("A very old message that will not fit.").bot("Yes, twelve.").customer("Thanks!")
                .request());

        List<String> sent = model.lastRequest().messages().stream().skip(1).map(ScriptedChatModel::text).toList();
        assertThat(sent).containsExactly("assistant: Yes, twelve.", "user: Thanks!");
    }

    @Test
    void masksPhoneNumbersAndEmailAddressesByDefault() {
        LangChain4jResponder.builder().chatModel(model).build().respond(Conversations.whatsApp()
                .customer("Call me on +49 151 1234 5678 or write to maria.silva@example.org please").request());

        assertThat(((UserMessage) model.lastRequest().messages().get(1)).singleText())
                .isEqualTo("Call me on [phone] or write to [email] please");
    }

    @Test
    void sendsTextAsWrittenWhenMaskingIsOff() {
        LangChain4jResponder.builder().chatModel(model).maskPersonalData(false).build().respond(Conversations.whatsApp()
                .customer("Write to maria.silva@example.org").request());

        assertThat(((UserMessage) model.lastRequest().messages().get(1)).singleText())
                .isEqualTo("Write to maria.silva@example.org");
    }
}
