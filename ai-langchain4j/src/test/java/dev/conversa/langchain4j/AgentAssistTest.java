package dev.conversa.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.respond.AgentAssist;
import dev.conversa.respond.Sentiment;
import dev.conversa.respond.SentimentReading;
import dev.conversa.respond.UsageMeter;
import dev.conversa.respond.UsageTotals;
import dev.conversa.testsupport.Conversations;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.request.ChatRequest;
import org.junit.jupiter.api.Test;

/** Agent assist drafts a reply, summarizes and reads the sentiment, through the same model, without tools. */
class AgentAssistTest {

    private final UsageMeter meter = new UsageMeter();

    @Test
    void suggestsAReplyFromTheConversationWithoutOfferingTools() {
        // given
        ScriptedChatModel model = ScriptedChatModel.answering("  Your cake is ready at 16:00.  ");
        AgentAssist assist = LangChain4jResponder.builder().chatModel(model).usageListener(meter).build().agentAssist();

        // when
        var draft = assist.suggestReply(Conversations.whatsApp().customer("Is my cake ready?").request());

        // then
        assertThat(draft).contains("Your cake is ready at 16:00.");
        ChatRequest request = model.lastRequest();
        assertThat(request.toolSpecifications()).isEmpty();
        assertThat(request.messages().get(request.messages().size() - 1)).isInstanceOfSatisfying(SystemMessage.class,
                message -> assertThat(message.text()).startsWith("Draft the business's next message"));
        assertThat(meter.totals(Conversations.TENANT)).isEqualTo(new UsageTotals(1, 100, 20));
    }

    @Test
    void summarizesTheConversationAsATranscript() {
        ScriptedChatModel model = ScriptedChatModel.answering("The customer wants a birthday cake.");
        AgentAssist assist = LangChain4jResponder.builder().chatModel(model).build().agentAssist();

        var summary = assist.summarize(Conversations.whatsApp()
                .customer("I need a birthday cake").bot("For when?").customer("Saturday").request());

        assertThat(summary).contains("The customer wants a birthday cake.");
        assertThat(((UserMessage) model.lastRequest().messages().get(1)).singleText())
                .isEqualTo("Customer: I need a birthday cake\nBusiness: For when?\nCustomer: Saturday");
    }

    @Test
    void givesNothingWhenTheModelFails() {
        AgentAssist assist = LangChain4jResponder.builder()
                .chatModel(new ScriptedChatModel().thenFail(new TimeoutException("slow"))).build().agentAssist();

        assertThat(assist.suggestReply(Conversations.whatsApp().customer("Hi").request())).isEmpty();
        assertThat(assist.summarize(Conversations.whatsApp().customer("Hi").request())).isEmpty();
    }

    @Test
    void readsTheSentimentIntentAndReasonFromTheTranscriptWithoutTools() {
        // given
        ScriptedChatModel model = ScriptedChatModel.answering("Here you are: {\"sentiment\": \"Negative\", "
                + "\"intent\": \"late cake order\", \"reason\": \"The customer says the cake is late again.\"}");
        LangChain4jResponder responder = LangChain4jResponder.builder().chatModel(model).usageListener(meter).build();

        // when
        SentimentReading reading = responder.sentiment(Conversations.whatsApp()
                .customer("Where is my cake?").bot("On its way.").customer("It is late again!").request());

        // then
        assertThat(reading.sentiment()).contains(new Sentiment(Sentiment.Label.NEGATIVE, "late cake order",
                "The customer says the cake is late again."));
        assertThat(reading.unavailable()).isEmpty();
        ChatRequest request = model.lastRequest();
        assertThat(request.toolSpecifications()).isEmpty();
        assertThat(((SystemMessage) request.messages().get(0)).text()).contains("\"sentiment\"");
        assertThat(((UserMessage) request.messages().get(1)).singleText())
                .isEqualTo("Customer: Where is my cake?\nBusiness: On its way.\nCustomer: It is late again!");
        assertThat(meter.totals(Conversations.TENANT)).isEqualTo(new UsageTotals(1, 100, 20));
    }

    @Test
    void theAgentAssistReadsTheSameSentimentAsTheResponder() {
        ScriptedChatModel model = ScriptedChatModel.answering(
                "{\"sentiment\": \"positive\", \"intent\": \"thanks\", \"reason\": \"Thankful.\"}");

        SentimentReading reading = LangChain4jResponder.builder().chatModel(model).build().agentAssist()
                .sentiment(Conversations.whatsApp().customer("Thank you so much!").request());

        assertThat(reading.sentiment()).map(Sentiment::label).contains(Sentiment.Label.POSITIVE);
    }

    @Test
    void saysWhyThereIsNoSentimentWhenTheAnswerIsNotTheAskedJson() {
        ScriptedChatModel model = ScriptedChatModel.answering("The customer seems rather upset, I would say.");

        SentimentReading reading = LangChain4jResponder.builder().chatModel(model).build()
                .sentiment(Conversations.whatsApp().customer("Hi").request());

        assertThat(reading.sentiment()).isEmpty();
        assertThat(reading.unavailable()).contains("the model's answer was not a sentiment reading");
    }

    @Test
    void saysWhyThereIsNoSentimentWhenTheModelFails() {
        LangChain4jResponder responder = LangChain4jResponder.builder()
                .chatModel(new ScriptedChatModel().thenFail(new TimeoutException("slow"))).build();

        assertThat(responder.sentiment(Conversations.whatsApp().customer("Hi").request()).unavailable())
                .contains("the model gave no usable answer");
    }
}
