package dev.conversa.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.conversa.openai.OpenAiStub.chat;
import static dev.conversa.openai.OpenAiStub.ok;

import dev.conversa.testsupport.Conversations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HistoryTrimmingTest {

    @RegisterExtension
    static OpenAiStub openAi = new OpenAiStub();

    @Test
    void dropsTheOldestMessagesBeyondTheBudget() {
        // given: 10 + 10 + 10 + 10 characters of history, a budget of 30
        openAi.stubFor(chat().willReturn(ok("answer.json")));
        OpenAiResponder responder = openAi.responder().historyBudgetChars(30).build();

        // when
        responder.respond(Conversations.whatsApp()
                .customer("message 01").bot("message 02").customer("message 03").bot("message 04")
                .customer("message 05")
                .request());

        // then: system prompt + the three newest messages
        openAi.verify(postRequestedFor(urlEqualTo(OpenAiStub.PATH))
                .withRequestBody(matchingJsonPath("$.messages.length()", equalTo("4")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", equalTo("message 03")))
                .withRequestBody(matchingJsonPath("$.messages[2].content", equalTo("message 04")))
                .withRequestBody(matchingJsonPath("$.messages[3].content", equalTo("message 05"))));
    }

    @Test
    void keepsEveryUnansweredMessageEvenBeyondTheBudget() {
        // given
        openAi.stubFor(chat().willReturn(ok("answer.json")));
        OpenAiResponder responder = openAi.responder().historyBudgetChars(15).build();

        // when
        responder.respond(Conversations.whatsApp()
                .customer("an old question").bot("an old answer")
                .customer("first new question").customer("second new question")
                .request());

        // then
        openAi.verify(postRequestedFor(urlEqualTo(OpenAiStub.PATH))
                .withRequestBody(matchingJsonPath("$.messages.length()", equalTo("3")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", equalTo("first new question")))
                .withRequestBody(matchingJsonPath("$.messages[2].content", equalTo("second new question"))));
    }

    @Test
    void sendsAgentMessagesAsAssistantMessages() {
        openAi.stubFor(chat().willReturn(ok("answer.json")));

        openAi.responder().build()
                .respond(Conversations.whatsApp().customer("Is it gluten free?").agent("Let me check.").customer("Thanks")
                        .request());

        openAi.verify(postRequestedFor(urlEqualTo(OpenAiStub.PATH))
                .withRequestBody(matchingJsonPath("$.messages[2].role", equalTo("assistant")))
                .withRequestBody(matchingJsonPath("$.messages[2].content", equalTo("Let me check."))));
    }
}
