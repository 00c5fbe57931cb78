package dev.conversa.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.Conversa;
import dev.conversa.lang.Secret;
import dev.conversa.model.TenantId;
import dev.conversa.store.OutboxState;
import dev.conversa.store.Stores;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.RecordedRequest;
import dev.conversa.testkit.whatsapp.WhatsAppCustomer;
import dev.conversa.testkit.whatsapp.WhatsAppMessage;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
import dev.conversa.webhook.WebhookRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The auto-configured application on a random port of 127.0.0.1, answering a signed WhatsApp webhook. */
// closed after the class, so its workers cannot be mistaken for another test's (LifecycleTest counts threads)
@DirtiesContext
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "conversa.app-secrets=old-app-secret,boot-app-secret",
        "conversa.verify-token=boot-verify-token",
        "conversa.accounts[0].channel=whatsapp",
        "conversa.accounts[0].account-id=" + WhatsAppWebhook.PHONE_NUMBER_ID,
        "conversa.accounts[0].tenant=acme",
        "conversa.accounts[0].token=boot-access-token",
        "conversa.burst-quiet-window=0s",
        "conversa.burst-max-wait=0s",
        "conversa.graph.allow-insecure-loopback-for-tests=true"})
class WebhookEndToEndTest {

    static final TenantId ACME = TenantId.of("acme");
    static final GraphStandIn GRAPH = GraphStandIn.start();

    @DynamicPropertySource
    static void graph(DynamicPropertyRegistry registry) {
        registry.add("conversa.graph.base-url", () -> GRAPH.baseUrl().toString());
    }

    @AfterAll
    static void stopGraph() {
        GRAPH.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    Conversa conversa;

    @Autowired
    Stores stores;

    @Test
    void answersASignedWhatsAppMessageThroughTheGraphExactlyOnce() throws Exception {
        // given
        WebhookRequest webhook = WhatsAppWebhook.builder()
                .at(Instant.now())
                .message(WhatsAppCustomer.withPhone("16315551181", "Kerry Fisher"), WhatsAppMessage.text("wamid.boot-1", "Hello"))
                .signed(Secret.of("boot-app-secret"));

        // when
        HttpResponse<String> first = WebhookHttp.post(port, "/webhook", webhook);
        HttpResponse<String> redelivered = WebhookHttp.post(port, "/webhook", webhook);

        // then
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(redelivered.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !replies().isEmpty() && stores.inbox().pendingCount() == 0
                && stores.outbox().list(ACME, OutboxState.PENDING, 10).isEmpty()
                && stores.outbox().list(ACME, OutboxState.SENDING, 10).isEmpty());
        assertThat(replies()).hasSize(1);
        RecordedRequest reply = replies().get(0);
        assertThat(reply.path()).endsWith("/" + WhatsAppWebhook.PHONE_NUMBER_ID + "/messages");
        assertThat(reply.header("Authorization")).hasValue("Bearer boot-access-token");
        assertThat(reply.body()).contains("16315551181");
    }

    @Test
    void answersTheSubscriptionHandshakeAtTheDefaultPath() throws Exception {
        HttpResponse<String> response = WebhookHttp.get(port,
                "/webhook?hub.mode=subscribe&hub.verify_token=boot-verify-token&hub.challenge=42");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("42");
    }

    @Test
    void refusesAForgedWebhookWith401() throws Exception {
        WebhookRequest forged = WhatsAppWebhook.builder()
                .message(WhatsAppCustomer.withPhone("16315551181", "Kerry Fisher"), WhatsAppMessage.text("wamid.forged", "Hi"))
                .signed(Secret.of("not-our-secret"));

        assertThat(WebhookHttp.post(port, "/webhook", forged).statusCode()).isEqualTo(401);
    }

    private static List<RecordedRequest> replies() {
        return GRAPH.requests().stream()
                .filter(request -> request.path().endsWith("/messages"))
                .filter(request -> request.body().contains(Conversa.Builder.DEFAULT_FALLBACK))
                .toList();
    }
}
