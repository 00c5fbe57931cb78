package dev.conversa.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.lang.Secret;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.whatsapp.WhatsAppCustomer;
import dev.conversa.testkit.whatsapp.WhatsAppMessage;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Webhooks by status, events by channel and kind, the queue depths, the pipeline, responder and
 * send timers, on the application's registry.
 */
// closed after the class, so its workers cannot be mistaken for another test's (LifecycleTest counts threads)
@DirtiesContext
@SpringBootTest(classes = {TestApplication.class, MetricsTest.Registry.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "conversa.app-secrets=metrics-app-secret",
        "conversa.verify-token=metrics-verify-token",
        "conversa.accounts[0].channel=whatsapp",
        "conversa.accounts[0].account-id=" + WhatsAppWebhook.PHONE_NUMBER_ID,
        "conversa.accounts[0].tenant=acme",
        "conversa.accounts[0].token=metrics-access-token",
        "conversa.graph.allow-insecure-loopback-for-tests=true"})
class MetricsTest {

    static final GraphStandIn GRAPH = GraphStandIn.start();

    @DynamicPropertySource
    static void graph(DynamicPropertyRegistry registry) {
        registry.add("conversa.graph.base-url", () -> GRAPH.baseUrl().toString());
    }

    @AfterAll
    static void stopGraph() {
        GRAPH.close();
    }

    private static final String CUSTOMER_PHONE = "16315551181";

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry registry;

    @Autowired
    ConversaMetrics metrics;

    @Test
    void countsWebhooksEventsAndTimesTheReplyWithoutPersonalData() throws Exception {
        // given
        WhatsAppWebhook webhook = WhatsAppWebhook.builder().at(Instant.now())
                .message(WhatsAppCustomer.withPhone(CUSTOMER_PHONE, "Kerry Fisher"), WhatsAppMessage.text("wamid.m-1", "Hi"));

        // when
        assertThat(WebhookHttp.post(port, "/webhook", webhook.signed(Secret.of("metrics-app-secret"))).statusCode()).isEqualTo(200);
        assertThat(WebhookHttp.post(port, "/webhook", webhook.signed(Secret.of("forged"))).statusCode()).isEqualTo(401);

        // then
        // the servlet counts after the response is written, so the client may see it first
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(registry.get("conversa.webhooks").tag("status", "200").counter().count()).isEqualTo(1.0);
            assertThat(registry.get("conversa.webhooks").tag("status", "401").counter().count()).isEqualTo(1.0);
        });
        assertThat(registry.get("conversa.webhooks.latency").tag("status", "200").timer().count()).isEqualTo(1);
        assertThat(registry.get("conversa.webhooks.latency").tag("status", "401").timer().count()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> registry.find("conversa.events")
                .tags("channel", "whatsapp", "kind", "message").counter() != null);
        assertThat(registry.get("conversa.inbox.backlog").gauge()).isNotNull();
        assertThat(registry.get("conversa.outbox.depth").gauge()).isNotNull();
        // the rules responder's thank-you, after the burst window
        await().atMost(Duration.ofSeconds(20)).until(() -> registry.find("conversa.sends")
                .tags("channel", "whatsapp", "outcome", "sent").timer() != null);
        assertThat(registry.get("conversa.responder.latency").tags("channel", "whatsapp", "outcome", "answer").timer()
                .count()).isEqualTo(1);
        assertThat(registry.get("conversa.pipeline.latency").tag("channel", "whatsapp").timer().count()).isEqualTo(1);
        assertThat(registry.get("conversa.sends").tags("channel", "whatsapp", "outcome", "sent").timer().count())
                .isPositive();
        assertThat(registry.getMeters()).flatMap(meter -> meter.getId().getTags())
                .noneMatch(tag -> tag.getValue().contains(CUSTOMER_PHONE) || tag.getValue().contains(WhatsAppWebhook.PHONE_NUMBER_ID));
    }

    @Test
    void countsTheModelsTokensByModelAndType() {
        metrics.tokensUsed("gpt-4o-mini", 120, 30);
        metrics.tokensUsed("gpt-4o-mini", 80, 20);

        assertThat(registry.get("conversa.responder.tokens").tags("model", "gpt-4o-mini", "type", "input").counter()
                .count()).isEqualTo(200.0);
        assertThat(registry.get("conversa.responder.tokens").tags("model", "gpt-4o-mini", "type", "output")
                .counter().count()).isEqualTo(50.0);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Registry {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
