package dev.conversa.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The example starts from its application.properties and answers the handshake and the health check. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:example;DB_CLOSE_DELAY=-1",
        "META_APP_SECRET=example-app-secret",
        "META_VERIFY_TOKEN=example-verify-token",
        "CONVERSA_STORE_TOKENKEY=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "WHATSAPP_PHONE_NUMBER_ID=106540352242922",
        "WHATSAPP_ACCESS_TOKEN=example-access-token"})
class ConversaApplicationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void answersTheSubscriptionHandshake() throws Exception {
        HttpResponse<String> response = get("/webhook?hub.mode=subscribe&hub.verify_token=example-verify-token&hub.challenge=7");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("7");
    }

    @Test
    void reportsConversaInTheHealthEndpoint() throws Exception {
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"conversa\"").contains("\"inboxBacklog\":0");
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
