package dev.conversa.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.testkit.GraphStandIn;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real mode without {@code CONVERSA_API_TOKEN}: the webhook runs, the API is not served at all. */
class RealModeWithoutApiTokenTest {

    private static GraphStandIn graph;
    private static QuickStartApp app;
    private static LoopbackClient client;

    @BeforeAll
    static void startWithAConnectedAccountAndNoApiToken() throws Exception {
        graph = GraphStandIn.start();
        app = QuickStartApp.start(TestSettings.real(graph.baseUrl(), Map.of()));
        client = new LoopbackClient(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
        graph.close();
    }

    @Test
    void answersTheWebhookHandshake() throws Exception {
        HttpResponse<String> response = client.get("/webhook?hub.mode=subscribe&hub.challenge=9&hub.verify_token="
                + TestSettings.VERIFY_TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/conversations", "/api/messages?channel=whatsapp&account=1&contact=2"})
    void servesNoApi(String path) throws Exception {
        assertThat(client.get(path).statusCode()).isEqualTo(404);
        assertThat(client.get(path, "Authorization", "Bearer " + "x".repeat(64)).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/demo/deliveries"})
    void servesNoDemo(String path) throws Exception {
        assertThat(client.get(path).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesToStartWithAnApiTokenShorterThan32Characters() {
        assertThatThrownBy(() -> QuickStartApp.start(TestSettings.real(graph.baseUrl(),
                Map.of("CONVERSA_API_TOKEN", "too-short-a-token"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CONVERSA_API_TOKEN")
                .hasMessageNotContaining("too-short-a-token");
    }
}
