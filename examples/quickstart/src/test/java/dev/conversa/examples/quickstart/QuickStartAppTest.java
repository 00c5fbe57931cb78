package dev.conversa.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class QuickStartAppTest {

    private static QuickStartApp app;
    private static LoopbackClient client;

    @BeforeAll
    static void startInDemoMode() throws IOException {
        app = QuickStartApp.start(TestSettings.demo(Map.of("CONVERSA_HOST", "127.0.0.1")));
        client = new LoopbackClient(app.port());
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
        HttpResponse<String> response = client.get("/webhook?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=quickstart-test-token");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("1158201444");
    }

    @Test
    void refusesTheHandshakeWithAWrongToken() throws Exception {
        assertThat(client.get("/webhook?hub.mode=subscribe&hub.challenge=1&hub.verify_token=nope").statusCode()).isEqualTo(403);
    }

    @Test
    void refusesAnUnsignedWebhook() throws Exception {
        HttpResponse<String> response = client.post("/webhook", "{\"object\":\"page\",\"entry\":[]}");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void servesTheDemoPage() throws Exception {
        HttpResponse<String> response = client.get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Chat as a customer");
    }

    @Test
    void demoModeOpensTheInboxDirectlyWithTwoAgentsAndTwoQueues() throws Exception {
        HttpResponse<String> agents = client.get("/api/agent/agents");
        HttpResponse<String> queues = client.get("/api/agent/queues");

        assertThat(client.get("/inbox").statusCode()).isEqualTo(200);
        assertThat(agents.statusCode()).isEqualTo(200);
        assertThat(HttpJson.MAPPER.readTree(agents.body()).findValuesAsString("id")).containsExactly("ana", "bea");
        assertThat(HttpJson.MAPPER.readTree(queues.body()).findValuesAsString("id")).containsExactly("sales", "support");
    }

    @Test
    void servesTheApiWithoutATokenWhenNoneIsSet() throws Exception {
        HttpResponse<String> response = client.get("/api/conversations");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    }

    @Test
    void aDemoMessageGetsTheRulesBotsReplyThroughTheFullPath() throws Exception {
        // given
        String message = "{\"channel\":\"whatsapp\",\"customer\":\"15550009999\",\"name\":\"Ana\",\"text\":\"what are your opening hours?\"}";

        // when
        HttpResponse<String> posted = client.post("/demo/messages", message);

        // then
        assertThat(posted.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode thread = HttpJson.MAPPER.readTree(client.get("/demo/thread?channel=whatsapp&customer=15550009999").body());
            assertThat(thread.findValuesAsString("text")).contains("We are open Monday to Friday, 9:00 to 18:00.");
            assertThat(thread.findValuesAsString("status")).containsOnly("DELIVERED", "SENT");
        });
        JsonNode deliveries = HttpJson.MAPPER.readTree(client.get("/demo/deliveries").body());
        assertThat(deliveries.findValuesAsString("path")).contains("/v23.0/100000000000001/messages");
        assertThat(deliveries.findValuesAsString("body"))
                .anyMatch(body -> body.contains("\"to\":\"15550009999\"") && body.contains("We are open"));
    }
}
