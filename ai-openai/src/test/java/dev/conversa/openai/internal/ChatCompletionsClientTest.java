package dev.conversa.openai.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.conversa.internal.http.RetryPolicy;
import dev.conversa.lang.Secret;
import dev.conversa.testsupport.LoopbackWireMock;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ChatCompletionsClientTest {

    @RegisterExtension
    static LoopbackWireMock openAi = new LoopbackWireMock();

    private static final String KEY = "sk-proj-verysecretkey0123456789";
    private static final String ANSWER = """
            {"id": "chatcmpl-1", "model": "gpt-4o-mini",
             "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hi"}, "finish_reason": "stop"}]}
            """;

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void neverPutsTheApiKeyInTheExceptionMessage() {
        openAi.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(401).withBody(
                "{\"error\": {\"message\": \"Incorrect API key provided: " + KEY + "\", \"type\": \"invalid_request_error\","
                        + " \"code\": \"invalid_api_key\"}}")));

        OpenAiCallException failure = catchThrowableOfType(OpenAiCallException.class, () -> client().complete(request()));

        assertThat(failure.kind()).isEqualTo(OpenAiCallException.Kind.HTTP_ERROR);
        assertThat(failure).hasMessage("HTTP_ERROR: HTTP 401 (invalid_request_error/invalid_api_key)");
        assertThat(failure.getMessage()).doesNotContain(KEY);
    }

    @Test
    void waitsForARetryAfterGivenAsAnHttpDate() {
        openAi.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("date").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "Mon, 23 Nov 2026 12:00:05 GMT"))
                .willSetStateTo("ok"));
        openAi.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("date").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody(ANSWER)));

        ChatResponse response = client().complete(request());

        assertThat(response.choices().get(0).message().content()).isEqualTo("Hi");
        assertThat(waits).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void joinsTheBaseUrlAndThePathWithOneSlash() {
        ClientConfig withSlash = config(URI.create("https://api.example.com/openai/v1/"));
        ClientConfig withoutSlash = config(URI.create("https://api.example.com/openai/v1"));

        assertThat(withSlash.chatCompletions()).isEqualTo(URI.create("https://api.example.com/openai/v1/chat/completions"));
        assertThat(withoutSlash.chatCompletions()).isEqualTo(withSlash.chatCompletions());
    }

    @Test
    void leavesTheApiKeyOutOfTheConfigsToString() {
        assertThat(config(URI.create("https://api.openai.com/v1")).toString()).doesNotContain(KEY);
    }

    private ChatCompletionsClient client() {
        return new ChatCompletionsClient(HttpClient.newHttpClient(),
                config(URI.create(openAi.baseUri() + "/v1")),
                RetryPolicy.of(3, Duration.ofMillis(100), Duration.ofSeconds(10), waits::add), clock);
    }

    private static ClientConfig config(URI baseUrl) {
        return new ClientConfig(baseUrl, Secret.of(KEY), Optional.empty(), Optional.empty(), Duration.ofSeconds(5));
    }

    private static ChatRequest request() {
        return new ChatRequest("gpt-4o-mini", List.of(ChatMessage.user("Hello")), 0.3d, 100, false, List.of(), null);
    }
}
