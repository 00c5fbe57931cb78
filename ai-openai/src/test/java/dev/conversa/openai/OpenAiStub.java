package dev.conversa.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import dev.conversa.lang.Secret;
import dev.conversa.testsupport.Conversations;
import dev.conversa.testsupport.LoopbackWireMock;
import dev.conversa.time.RecordingSleeper;
import java.time.Duration;
import java.util.List;

/**
 * The stand-in for the OpenAI API: WireMock on 127.0.0.1, and responders pointed at it whose
 * waits between retries are recorded, fresh for each test, instead of slept.
 *
 * <pre>{@code
 * @RegisterExtension
 * static OpenAiStub openAi = new OpenAiStub();
 * }</pre>
 */
final class OpenAiStub extends LoopbackWireMock {

    static final String PATH = "/v1/chat/completions";
    static final Secret API_KEY = Secret.of("sk-test-0123456789abcdefghijklmnopqrstuvwxyz-secret");

    private volatile RecordingSleeper sleeper = new RecordingSleeper();

    @Override
    protected void onBeforeEach(WireMockRuntimeInfo wireMock) {
        sleeper = new RecordingSleeper();
    }

    /** A responder builder with the test API key, on this stub, recording its waits. */
    OpenAiResponder.Builder responder() {
        return OpenAiResponder.builder()
                .apiKey(API_KEY)
                .baseUrl(baseUri() + "/v1")
                .sleeper(sleeper);
    }

    /** The waits the responders of this test asked for, in order. */
    List<Duration> waits() {
        return sleeper.delays();
    }

    static MappingBuilder chat() {
        return post(urlEqualTo(PATH));
    }

    static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(Conversations.resource("/fixtures/openai/" + fixture));
    }

    static ResponseDefinitionBuilder ok(String fixture) {
        return json(200, fixture);
    }
}
