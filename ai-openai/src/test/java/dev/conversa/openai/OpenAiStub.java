package dev.conversa.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.conversa.Secret;
import dev.conversa.graph.Sleeper;
import dev.conversa.testsupport.LoopbackWireMock;

/** The stand-in for the OpenAI API: WireMock on 127.0.0.1, and responders pointed at it. */
final class OpenAiStub {

    static final String PATH = "/v1/chat/completions";
    static final Secret API_KEY = Secret.of("sk-test-0123456789abcdefghijklmnopqrstuvwxyz-secret");

    private OpenAiStub() {}

    static OpenAiResponderBuilder responder(LoopbackWireMock server, Sleeper sleeper) {
        return OpenAiResponder.builder()
                .apiKey(API_KEY)
                .baseUrl(server.baseUri() + "/v1")
                .sleeper(sleeper);
    }

    static MappingBuilder chat() {
        return post(urlEqualTo(PATH));
    }

    static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(Conversations.fixture(fixture));
    }

    static ResponseDefinitionBuilder ok(String fixture) {
        return json(200, fixture);
    }
}
