package dev.conversa.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.conversa.openai.OpenAiStub.chat;
import static dev.conversa.openai.OpenAiStub.ok;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MaskingTest {

    @RegisterExtension
    static OpenAiStub openAi = new OpenAiStub();

    @Test
    void masksPhoneNumbersAndEmailAddressesSentToTheModel() {
        openAi.stubFor(chat().willReturn(ok("answer.json")));

        openAi.responder().maskPersonalData(true).build().respond(Conversations.whatsApp()
                .customer("Call me on +49 151 1234 5678 or write to maria.silva@example.org please")
                .request());

        openAi.verify(postRequestedFor(urlEqualTo(OpenAiStub.PATH)).withRequestBody(matchingJsonPath(
                "$.messages[1].content", equalTo("Call me on [phone] or write to [email] please"))));
    }

    @Test
    void masksTheBusinessMessagesToo() {
        openAi.stubFor(chat().willReturn(ok("answer.json")));

        openAi.responder().maskPersonalData(true).build().respond(Conversations.whatsApp()
                .customer("Your number?").bot("Call us on 030 1234 5678.").customer("Thanks")
                .request());

        openAi.verify(postRequestedFor(urlEqualTo(OpenAiStub.PATH)).withRequestBody(matchingJsonPath(
                "$.messages[2].content", equalTo("Call us on [phone]."))));
    }

    @Test
    void sendsTextUnchangedWhenMaskingIsOff() {
        openAi.stubFor(chat().willReturn(ok("answer.json")));

        openAi.responder().build().respond(Conversations.whatsApp()
                .customer("Write to maria.silva@example.org")
                .request());

        openAi.verify(postRequestedFor(urlEqualTo(OpenAiStub.PATH)).withRequestBody(matchingJsonPath(
                "$.messages[1].content", equalTo("Write to maria.silva@example.org"))));
    }
}
