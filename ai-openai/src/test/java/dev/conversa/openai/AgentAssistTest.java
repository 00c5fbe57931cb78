package dev.conversa.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.conversa.openai.OpenAiStub.chat;
import static dev.conversa.openai.OpenAiStub.json;
import static dev.conversa.openai.OpenAiStub.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.respond.AgentAssist;
import dev.conversa.respond.ResponderRequest;
import dev.conversa.respond.Sentiment;
import dev.conversa.respond.SentimentReading;
import dev.conversa.respond.UsageMeter;
import dev.conversa.respond.UsageTotals;
import dev.conversa.testsupport.Conversations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AgentAssistTest {

    @RegisterExtension
    static OpenAiStub openAi = new OpenAiStub();
    private final UsageMeter meter = new UsageMeter();
    private final ResponderRequest conversation = Conversations.whatsApp()
            .customer("My cake order is late")
            .bot("I'm passing you to a colleague.")
            .customer("It was for 3 pm")
            .request();

    @Test
    void suggestsAReplyFromTheModel() {
        openAi.stubFor(chat().willReturn(ok("answer.json")));

        assertThat(assist().suggestReply(conversation)).contains("We are open from 7:00 to 18:00, every day but Monday.");
    }

    @Test
    void asksForADraftAfterTheHistoryWithoutTools() {
        openAi.stubFor(chat().willReturn(ok("answer.json")));

        assist().suggestReply(conversation);

        openAi.verify(postRequestedFor(urlEqualTo(OpenAiStub.PATH))
                .withRequestBody(matchingJsonPath("$.messages[3].content", equalTo("It was for 3 pm")))
                .withRequestBody(matchingJsonPath("$.messages[4].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.store", equalTo("false")))
                .withRequestBody(notMatching(".*\"tools\".*"))
                .withRequestBody(notMatching(".*handoff_to_human.*")));
    }

    @Test
    void summarizesTheConversationAsATranscript() {
        openAi.stubFor(chat().willReturn(ok("answer.json")));

        assertThat(assist().summarize(conversation)).isPresent();

        openAi.verify(postRequestedFor(urlEqualTo(OpenAiStub.PATH))
                .withRequestBody(matchingJsonPath("$.messages.length()", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", equalTo(
                        "Customer: My cake order is late\nBusiness: I'm passing you to a colleague.\nCustomer: It was for 3 pm"))));
    }

    @Test
    void readsTheSentimentIntentAndReasonFromTheModel() {
        openAi.stubFor(chat().willReturn(ok("sentiment-answer.json")));

        SentimentReading reading = assist().sentiment(conversation);

        assertThat(reading.sentiment()).contains(new Sentiment(Sentiment.Label.NEGATIVE, "late cake order",
                "The customer says the order is late and repeats the deadline."));
        assertThat(reading.unavailable()).isEmpty();
        openAi.verify(postRequestedFor(urlEqualTo(OpenAiStub.PATH))
                .withRequestBody(matchingJsonPath("$.messages.length()", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", matching(".*\"sentiment\".*")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", equalTo(
                        "Customer: My cake order is late\nBusiness: I'm passing you to a colleague.\nCustomer: It was for 3 pm")))
                .withRequestBody(notMatching(".*\"tools\".*")));
    }

    @Test
    void theResponderGivesTheSentimentOfItsAgentAssist() {
        openAi.stubFor(chat().willReturn(ok("sentiment-answer.json")));

        SentimentReading reading = openAi.responder().usageListener(meter).build().sentiment(conversation);

        assertThat(reading.sentiment()).map(Sentiment::label).contains(Sentiment.Label.NEGATIVE);
    }

    @Test
    void saysWhyThereIsNoSentimentWhenTheAnswerIsNotTheAskedJson() {
        openAi.stubFor(chat().willReturn(ok("sentiment-unreadable.json")));

        SentimentReading reading = assist().sentiment(conversation);

        assertThat(reading.sentiment()).isEmpty();
        assertThat(reading.unavailable()).contains("the model's answer was not a sentiment reading");
    }

    @Test
    void saysWhyThereIsNoSentimentWhenTheModelFails() {
        openAi.stubFor(chat().willReturn(json(500, "error-500.json")));

        assertThat(assist().sentiment(conversation).unavailable()).contains("the model gave no usable answer");
    }

    @Test
    void returnsNothingWhenTheModelFails() {
        openAi.stubFor(chat().willReturn(json(500, "error-500.json")));

        assertThat(assist().summarize(conversation)).isEmpty();
    }

    @Test
    void returnsNothingWhenTheDraftWasCutAtTheTokenLimit() {
        openAi.stubFor(chat().willReturn(ok("cut-answer.json")));

        assertThat(assist().suggestReply(conversation)).isEmpty();
    }

    @Test
    void returnsNothingWhenTheModelRefuses() {
        openAi.stubFor(chat().willReturn(ok("refusal.json")));

        assertThat(assist().suggestReply(conversation)).isEmpty();
    }

    @Test
    void reportsItsUsageLikeAnyRequest() {
        openAi.stubFor(chat().willReturn(ok("answer.json")));

        assist().summarize(conversation);

        assertThat(meter.totals(Conversations.TENANT)).isEqualTo(new UsageTotals(1, 120, 30));
    }

    private AgentAssist assist() {
        return openAi.responder().usageListener(meter).build().agentAssist();
    }
}
