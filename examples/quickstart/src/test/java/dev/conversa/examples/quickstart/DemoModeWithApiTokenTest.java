package dev.conversa.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Demo mode with its defaults for the address and a {@code CONVERSA_API_TOKEN}: loopback only,
 * the token guards {@code /api/}, and the demo page, which does not use {@code /api/}, works
 * without it.
 */
class DemoModeWithApiTokenTest {

    private static final String TOKEN = "d".repeat(40);

    private static QuickStartApp app;
    private static LoopbackClient client;

    @BeforeAll
    static void startInDemoModeWithAnApiToken() throws Exception {
        app = QuickStartApp.start(TestSettings.demo(Map.of("CONVERSA_API_TOKEN", TOKEN)));
        client = new LoopbackClient(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void listensOnLoopbackByDefault() {
        assertThat(app.demoMode()).isTrue();
        assertThat(app.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void requiresTheTokenForTheApi() throws Exception {
        assertThat(client.get("/api/conversations").statusCode()).isEqualTo(401);
        assertThat(client.get("/api/conversations", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void servesTheDemoPageAndItsEndpointsWithoutTheToken() throws Exception {
        assertThat(client.get("/").body()).contains("Chat as a customer");
        assertThat(client.get("/demo/deliveries").statusCode()).isEqualTo(200);
    }
}
