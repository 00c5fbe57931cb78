package dev.conversa.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.conversa.openai.OpenAiStub.chat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.respond.Reply;
import dev.conversa.testsupport.Conversations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SecretHandlingTest {

    @RegisterExtension
    static OpenAiStub openAi = new OpenAiStub();

    @Test
    void leavesTheApiKeyOutOfTheRespondersToString() {
        OpenAiResponder responder = openAi.responder().organization("org-rosa").build();

        assertThat(responder.toString()).doesNotContain(OpenAiStub.API_KEY.reveal()).contains("gpt-4o-mini");
        assertThat(responder.agentAssist().toString()).doesNotContain(OpenAiStub.API_KEY.reveal());
    }

    @Test
    void neverRepeatsTheApiKeyEchoedByTheServerInTheReply() {
        openAi.stubFor(chat().willReturn(aResponse().withStatus(401).withBody(
                "{\"error\": {\"message\": \"Incorrect API key provided: " + OpenAiStub.API_KEY.reveal() + "\","
                        + " \"type\": \"invalid_request_error\", \"code\": \"invalid_api_key\"}}")));

        Reply reply = openAi.responder().handoffOnFailure(true).build()
                .respond(Conversations.whatsApp().customer("Hello").request());

        assertThat(reply).isInstanceOfSatisfying(Reply.Handoff.class, handoff -> {
            assertThat(handoff.reason()).doesNotContain(OpenAiStub.API_KEY.reveal());
            assertThat(handoff.messageToCustomer().orElseThrow()).doesNotContain(OpenAiStub.API_KEY.reveal());
        });
    }

    @Test
    void refusesToBuildWithoutAnApiKey() {
        OpenAiResponder.Builder builder = OpenAiResponder.builder();

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("apiKey is required");
    }
}
