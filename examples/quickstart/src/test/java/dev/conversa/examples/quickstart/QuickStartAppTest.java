package dev.conversa.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class QuickStartAppTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static QuickStartApp app;

    @BeforeAll
    static void startInDemoMode() throws IOException {
        app = QuickStartApp.start(QuickStartConfig.load(Map.of(
                "CONVERSA_HOST", "127.0.0.1",
                "CONVERSA_PORT", "0",
                "META_VERIFY_TOKEN", "quickstart-test-token",
                "CONVERSA_DB_URL", "jdbc:h2:mem:quickstart-test;DB_CLOSE_DELAY=-1",
                "CONVERSA_TOKEN_KEY", Base64.getEncoder().encodeToString(new byte[32]))));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void startsInDemoModeWithoutMetaCredentials() {
        assertThat(app.demoMode()).isTrue();
    }

    @Test
    void answersTheSubscriptionHandshake() throws Exception {
        HttpResponse<String> response = get("/webhook?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=quickstart-test-token");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("1158201444");
    }

    @Test
    void refusesTheHandshakeWithAWrongToken() throws Exception {
        assertThat(get("/webhook?hub.mode=subscribe&hub.challenge=1&hub.verify_token=nope").statusCode()).isEqualTo(403);
    }

    @Test
    void refusesAnUnsignedWebhook() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/webhook")).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString("{\"object\":\"page\",\"entry\":[]}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void servesTheDemoPage() throws Exception {
        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Chat as a customer");
    }

    @Test
    void aDemoMessageGetsTheRulesBotsReplyThroughTheFullPath() throws Exception {
        // given
        String message = "{\"channel\":\"whatsapp\",\"customer\":\"15550009999\",\"name\":\"Ana\",\"text\":\"what are your opening hours?\"}";

        // when
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(uri("/demo/messages")).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message)).build(), HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(posted.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode thread = HttpJson.MAPPER.readTree(get("/demo/thread?channel=whatsapp&customer=15550009999").body());
            assertThat(thread.findValuesAsString("text")).contains("We are open Monday to Friday, 9:00 to 18:00.");
            assertThat(thread.findValuesAsString("status")).containsOnly("DELIVERED", "SENT");
        });
        JsonNode deliveries = HttpJson.MAPPER.readTree(get("/demo/deliveries").body());
        assertThat(deliveries.findValuesAsString("path")).contains("/v23.0/100000000000001/messages");
        assertThat(deliveries.findValuesAsString("body"))
                .anyMatch(body -> body.contains("\"to\":\"15550009999\"") && body.contains("We are open"));
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }
}
