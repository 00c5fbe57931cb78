package dev.conversa.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GraphStandInTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final GraphStandIn graph = GraphStandIn.start();

    @AfterEach
    void stop() {
        graph.close();
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(graph.baseUrl() + path))
                .header("Authorization", "Bearer test-token")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .timeout(TIMEOUT)
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(graph.baseUrl() + pathAndQuery)).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(graph.baseUrl().getHost()).isEqualTo("127.0.0.1");
        assertThat(graph.baseUrl().getPort()).isPositive();
    }

    @Test
    void turnsNaglesAlgorithmOffSoThatAnswersAreNotHeldBackByDelayedAcknowledgements() {
        // the JDK server reads the switch once, when its first server starts: this stand-in set it before
        assertThat(System.getProperty(GraphStandIn.NO_DELAY)).isEqualTo("true");
    }

    @Test
    void answersWhatsAppSendWithContactAndUniqueWamid() throws Exception {
        String send = "{\"messaging_product\":\"whatsapp\",\"to\":\"+1 555 0100\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}";

        HttpResponse<String> first = post("/v23.0/123/messages", send);
        HttpResponse<String> second = post("/v23.0/123/messages", send);

        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode body = json(first);
        assertThat(body.path("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(body.path("contacts").get(0).path("input").asString()).isEqualTo("+1 555 0100");
        assertThat(body.path("contacts").get(0).path("wa_id").asString()).isEqualTo("15550100");
        assertThat(body.path("messages").get(0).path("id").asString()).startsWith("wamid.")
                .isNotEqualTo(json(second).path("messages").get(0).path("id").asString());
    }

    @Test
    void answersWhatsAppMarkReadWithSuccess() throws Exception {
        HttpResponse<String> response = post("/v23.0/123/messages",
                "{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\"message_id\":\"wamid.1\","
                        + "\"typing_indicator\":{\"type\":\"text\"}}");

        assertThat(json(response).path("success").asBoolean()).isTrue();
    }

    @Test
    void answersMessengerSendWithRecipientAndMessageId() throws Exception {
        HttpResponse<String> response = post("/v23.0/me/messages",
                "{\"recipient\":{\"id\":\"PSID-1\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"hi\"}}");

        JsonNode body = json(response);
        assertThat(body.path("recipient_id").asString()).isEqualTo("PSID-1");
        assertThat(body.path("message_id").asString()).startsWith("m_");
    }

    @Test
    void answersMessengerSenderActionWithSuccess() throws Exception {
        HttpResponse<String> response = post("/v23.0/42/messages",
                "{\"recipient\":{\"id\":\"PSID-1\"},\"sender_action\":\"typing_on\"}");

        assertThat(response.body()).isEqualTo("{\"success\":true}");
    }

    @Test
    void recordsMethodPathQueryHeadersAndBody() throws Exception {
        post("/v23.0/123/messages", "{\"messaging_product\":\"whatsapp\",\"to\":\"1\"}");

        RecordedRequest request = graph.awaitRequests(1, Duration.ofSeconds(5)).get(0);

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v23.0/123/messages");
        assertThat(request.header("authorization")).contains("Bearer test-token");
        assertThat(request.header("Content-Type")).contains("application/json");
        assertThat(request.body()).isEqualTo("{\"messaging_product\":\"whatsapp\",\"to\":\"1\"}");
    }

    @Test
    void recordsDecodedQueryParameters() throws Exception {
        get("/v23.0/me/accounts?fields=id%2Cname&limit=5");

        RecordedRequest request = graph.requests().get(0);

        assertThat(request.query()).isEqualTo("fields=id%2Cname&limit=5");
        assertThat(request.queryParam("fields")).contains("id,name");
        assertThat(request.queryParam("after")).isEmpty();
    }

    @Test
    void answersUnknownEndpointWithGraphError() throws Exception {
        HttpResponse<String> response = get("/v23.0/nothing/here");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("code").asInt()).isEqualTo(100);
        assertThat(graph.requests()).hasSize(1);
    }

    @Test
    void failsNextRequestOnceWithMetaErrorJson() throws Exception {
        graph.failNext(400, 131026, null, "(#131026) Message undeliverable");

        HttpResponse<String> failed = post("/v23.0/123/messages", "{\"messaging_product\":\"whatsapp\",\"to\":\"1\"}");
        HttpResponse<String> next = post("/v23.0/123/messages", "{\"messaging_product\":\"whatsapp\",\"to\":\"1\"}");

        assertThat(failed.statusCode()).isEqualTo(400);
        JsonNode error = json(failed).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(131026);
        assertThat(error.path("message").asString()).isEqualTo("(#131026) Message undeliverable");
        assertThat(error.path("type").asString()).isEqualTo("OAuthException");
        assertThat(error.path("fbtrace_id").asString()).isNotBlank();
        assertThat(error.has("error_subcode")).isFalse();
        assertThat(next.statusCode()).isEqualTo(200);
    }

    @Test
    void answersQueuedFailuresInOrder() throws Exception {
        graph.failNext(500, 2, null, "first").failNext(400, 100, 33, "second");

        HttpResponse<String> first = get("/v23.0/me");
        HttpResponse<String> second = get("/v23.0/me");

        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(json(second).path("error").path("error_subcode").asInt()).isEqualTo(33);
    }

    @Test
    void rateLimitsWhatsAppWithCode130429() throws Exception {
        graph.rateLimitNext();

        HttpResponse<String> response = post("/v23.0/123/messages", "{\"messaging_product\":\"whatsapp\",\"to\":\"1\"}");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(json(response).path("error").path("code").asInt()).isEqualTo(130429);
    }

    @Test
    void rateLimitsMessengerWithCode613() throws Exception {
        graph.rateLimitNext();

        HttpResponse<String> response = post("/v23.0/me/messages", "{\"recipient\":{\"id\":\"1\"}}");

        assertThat(json(response).path("error").path("code").asInt()).isEqualTo(613);
    }

    @Test
    void expiresTokenWithCode190() throws Exception {
        graph.expiredTokenNext();

        HttpResponse<String> response = get("/v23.0/me");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("error").path("code").asInt()).isEqualTo(190);
        assertThat(json(response).path("error").path("error_subcode").asInt()).isEqualTo(463);
    }

    @Test
    void refusesWhatsAppOutsideWindowWithCode131047() throws Exception {
        graph.outsideWindowNext();

        HttpResponse<String> response = post("/v23.0/123/messages", "{\"messaging_product\":\"whatsapp\",\"to\":\"1\"}");

        JsonNode error = json(response).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(131047);
        assertThat(error.path("error_data").path("details").asString()).contains("24 hours");
    }

    @Test
    void refusesMessengerOutsideWindowWithCode10AndSubcode2018278() throws Exception {
        graph.outsideWindowNext();

        HttpResponse<String> response = post("/v23.0/me/messages", "{\"recipient\":{\"id\":\"1\"}}");

        JsonNode error = json(response).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(10);
        assertThat(error.path("error_subcode").asInt()).isEqualTo(2018278);
    }

    @Test
    void addedAnswerWinsOverDefault() throws Exception {
        graph.answer("POST", "/v\\d+\\.\\d+/123/messages", 200, "{\"custom\":true}");

        HttpResponse<String> response = post("/v23.0/123/messages", "{\"messaging_product\":\"whatsapp\"}");

        assertThat(response.body()).isEqualTo("{\"custom\":true}");
    }

    @Test
    void addedAnswerServesNewEndpoint() throws Exception {
        graph.answer("get", "/v23\\.0/media-1", 200, "{\"url\":\"https://lookaside.fbsbx.com/x\"}");

        HttpResponse<String> response = get("/v23.0/media-1?phone_number_id=123");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("url").asString()).isEqualTo("https://lookaside.fbsbx.com/x");
    }

    @Test
    void awaitRequestsFailsWhenTooFewArrive() throws Exception {
        get("/v23.0/me");

        assertThatThrownBy(() -> graph.awaitRequests(2, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected 2 requests");
    }

    @Test
    void awaitRequestsReturnsRequestsSentFromAnotherThread() throws Exception {
        Thread sender = new Thread(() -> {
            try {
                get("/v23.0/a");
                get("/v23.0/b");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        sender.start();

        assertThat(graph.awaitRequests(2, Duration.ofSeconds(10)))
                .extracting(RecordedRequest::path).containsExactly("/v23.0/a", "/v23.0/b");
        sender.join(10_000);
        assertThat(sender.isAlive()).as("sender finished").isFalse();
    }

    @Test
    void clearForgetsRequestsAndQueuedFailures() throws Exception {
        get("/v23.0/me");
        graph.expiredTokenNext();

        graph.clear();
        HttpResponse<String> response = post("/v23.0/1/messages", "{\"recipient\":{\"id\":\"1\"}}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(graph.requests()).hasSize(1);
    }

    @Test
    void recordedRequestToStringHidesHeadersAndBody() throws Exception {
        post("/v23.0/1/messages", "{\"recipient\":{\"id\":\"1\"},\"message\":{\"text\":\"secret text\"}}");

        String text = graph.requests().get(0).toString();

        assertThat(text).doesNotContain("test-token").doesNotContain("secret text").contains("/v23.0/1/messages");
    }
}
