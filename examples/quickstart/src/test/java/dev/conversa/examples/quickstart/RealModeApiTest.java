package dev.conversa.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.lang.Secret;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.WebhookSigner;
import dev.conversa.testkit.whatsapp.WhatsAppCustomer;
import dev.conversa.testkit.whatsapp.WhatsAppMessage;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
import dev.conversa.webhook.WebhookRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real mode (a connected account) with {@code CONVERSA_API_TOKEN} set: the API needs the token. */
class RealModeApiTest {

    private static final String TOKEN = "3f6c0e9a71d24b8c95e0a4d2b7c81f6e5a9d03c4e2b1f7a6d8c0e5b9a3f2d1c7";
    private static final String WRONG_TOKEN = TOKEN.substring(0, TOKEN.length() - 1) + "8";
    private static final String CUSTOMER = "15550004242";
    private static final String TEXT = "hello, is my order ready?";
    private static final String CONVERSATIONS = "/api/conversations";
    private static final String MESSAGES = "/api/messages?channel=whatsapp&account=" + TestSettings.WHATSAPP_ACCOUNT
            + "&contact=" + CUSTOMER;

    private static GraphStandIn graph;
    private static QuickStartApp app;
    private static LoopbackClient client;

    @BeforeAll
    static void startWithAConnectedAccountAndACustomerMessage() throws Exception {
        graph = GraphStandIn.start();
        app = QuickStartApp.start(TestSettings.real(graph.baseUrl(), Map.of("CONVERSA_API_TOKEN", TOKEN)));
        client = new LoopbackClient(app.port());
        WebhookRequest webhook = WhatsAppWebhook.builder().business(TestSettings.WHATSAPP_ACCOUNT, "15550000000")
                .at(Instant.now())
                .message(WhatsAppCustomer.withPhone(CUSTOMER, "Ana"), WhatsAppMessage.text("wamid.REALMODE1", TEXT))
                .signed(Secret.of(TestSettings.APP_SECRET));
        HttpResponse<String> posted = client.post("/webhook", new String(webhook.body()),
                WebhookSigner.HEADER, webhook.header(WebhookSigner.HEADER).orElseThrow());
        assertThat(posted.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(client.get(MESSAGES, "Authorization", "Bearer " + TOKEN).body())
                        .contains(TEXT));
    }

    @AfterAll
    static void stop() {
        app.close();
        graph.close();
    }

    @Test
    void startsInRealMode() {
        assertThat(app.demoMode()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {CONVERSATIONS, MESSAGES})
    void refusesARequestWithoutAToken(String path) throws Exception {
        HttpResponse<String> response = client.get(path);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"conversa\"");
        assertThat(response.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {CONVERSATIONS, MESSAGES})
    void refusesARequestWithAWrongToken(String path) throws Exception {
        HttpResponse<String> response = client.get(path, "Authorization", "Bearer " + WRONG_TOKEN);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer realm=\"conversa\", error=\"invalid_token\"");
        assertThat(response.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic " + TOKEN, TOKEN, "Bearer", "Bearer ", "Bearer " + TOKEN + "x", "Bearer x" + TOKEN})
    void refusesAnAuthorizationThatIsNotExactlyTheBearerToken(String authorization) throws Exception {
        assertThat(client.get(CONVERSATIONS, "Authorization", authorization).statusCode()).isEqualTo(401);
    }

    @Test
    void servesConversationsWithTheRightToken() throws Exception {
        HttpResponse<String> response = client.get(CONVERSATIONS, "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(HttpJson.MAPPER.readTree(response.body()).findValuesAsString("contact")).contains(CUSTOMER);
    }

    @Test
    void servesMessagesWithTheRightToken() throws Exception {
        HttpResponse<String> response = client.get(MESSAGES, "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(HttpJson.MAPPER.readTree(response.body()).findValuesAsString("text")).contains(TEXT);
    }

    @Test
    void acceptsTheSchemeNameInAnyCase() throws Exception {
        assertThat(client.get(CONVERSATIONS, "Authorization", "bearer " + TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void answersTheWebhookHandshakeWithoutAnApiToken() throws Exception {
        HttpResponse<String> response = client.get("/webhook?hub.mode=subscribe&hub.challenge=7&hub.verify_token="
                + TestSettings.VERIFY_TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("7");
    }

    @Test
    void hasNoDemoPage() throws Exception {
        HttpResponse<String> response = client.get("/", "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Chat as a customer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/demo/deliveries", "/demo/thread?channel=whatsapp&customer=" + CUSTOMER})
    void hasNoDemoEndpoints(String path) throws Exception {
        assertThat(client.get(path, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void cannotPlayACustomerThroughTheDemoEndpoint() throws Exception {
        HttpResponse<String> response = client.post("/demo/messages",
                "{\"channel\":\"whatsapp\",\"customer\":\"15550001111\",\"text\":\"hi\"}",
                "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(404);
    }
}
