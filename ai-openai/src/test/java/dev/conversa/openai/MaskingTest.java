package dev.conversa.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.conversa.openai.OpenAiStub.chat;
import static dev.conversa.openai.OpenAiStub.ok;

import dev.conversa.testsupport.Conversations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the model receives of the personal data customers type: masked by default, as written when turned off. */
class MaskingTest {

    @RegisterExtension
    static OpenAiStub openAi = new OpenAiStub();

    @Test
    void masksPhoneNumbersAndEmailAddressesTheCustomerTypesByDefault() {
        openAi.stubFor(chat().willReturn(ok("answer.json")));

        openAi.responder().build().respond(Conversations.whatsApp()
                .customer("Call me on +49 151 1234 5678 or write to maria.silva@example.org please")
                .request());

        openAi.verify(postRequestedFor(urlEqualTo(OpenAiStub.PATH)).withRequestBody(matchingJsonPath(
                "$.messages[1].content", equalTo("Call me on [phone] or write to [email] please"))));
    }

    @Test
    void masksTheBusinessMessagesToo() {
        openAi.stubFor(chat().willReturn(ok("answer.json")));

        openAi.responder().build().respond(Conversations.whatsApp()
                .customer("Your number?").bot("Call us on 030 1234 5678.").customer("Thanks")
                .request());

        openAi.verify(postRequestedFor(urlEqualTo(OpenAiStub.PATH)).withRequestBody(matchingJsonPath(
                "$.messages[2].content", equalTo("Call us on [phone]."))));
    }

    @Test
    void sendsTextUnchangedWhenTheHostTurnsMaskingOff() {
        openAi.stubFor(chat().willReturn(ok("answer.json")));

        openAi.responder().maskPersonalData(false).build().respond(Conversations.whatsApp()
                .customer("Write to maria.silva@example.org or call +49 151 1234 5678")
                .request());

        openAi.verify(postRequestedFor(urlEqualTo(OpenAiStub.PATH)).withRequestBody(matchingJsonPath(
                "$.messages[1].content", equalTo("Write to maria.silva@example.org or call +49 151 1234 5678"))));
    }

    @Test
    void aCopyKeepsMaskingOffWhenTheHostTurnedItOff() {
        openAi.stubFor(chat().willReturn(ok("answer.json")));

        openAi.responder().maskPersonalData(false).build().toBuilder().build().respond(Conversations.whatsApp()
                .customer("Write to maria.silva@example.org")
                .request());

        openAi.verify(postRequestedFor(urlEqualTo(OpenAiStub.PATH)).withRequestBody(matchingJsonPath(
                "$.messages[1].content", equalTo("Write to maria.silva@example.org"))));
    }

    @Test
    void sendsTheNameButNeverTheContactsPhoneNumberAndMasksTypedOnes() {
        openAi.stubFor(chat().willReturn(ok("answer.json")));

        openAi.responder().build().respond(Conversations.whatsApp().contact("Maria", "+49 151 99887766")
                .customer("My other number is 0151 2233 4455").request());

        openAi.verify(postRequestedFor(urlEqualTo(OpenAiStub.PATH))
                .withRequestBody(matchingJsonPath("$.messages[0].content",
                        containing("The customer's profile name is \"Maria\".")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", equalTo("My other number is [phone]")))
                .withRequestBody(notContaining("99887766"))
                .withRequestBody(notContaining("2233")));
    }
}
