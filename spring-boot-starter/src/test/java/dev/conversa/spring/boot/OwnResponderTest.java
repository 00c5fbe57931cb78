package dev.conversa.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.lang.Secret;
import dev.conversa.respond.Reply;
import dev.conversa.respond.Responder;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.whatsapp.WhatsAppCustomer;
import dev.conversa.testkit.whatsapp.WhatsAppMessage;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
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

/** A Responder bean of the application answers instead of the default one. */
// closed after the class, so its workers cannot be mistaken for another test's (LifecycleTest counts threads)
@DirtiesContext
@SpringBootTest(classes = {TestApplication.class, OwnResponderTest.OwnResponder.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "conversa.app-secrets=boot-app-secret",
        "conversa.verify-token=boot-verify-token",
        "conversa.webhook.path=/meta/webhook",
        "conversa.accounts[0].channel=whatsapp",
        "conversa.accounts[0].account-id=" + WhatsAppWebhook.PHONE_NUMBER_ID,
        "conversa.accounts[0].tenant=acme",
        "conversa.accounts[0].token=boot-access-token",
        "conversa.burst-quiet-window=0s",
        "conversa.burst-max-wait=0s",
        "conversa.graph.allow-insecure-loopback-for-tests=true"})
class OwnResponderTest {

    static final String ANSWER = "Answered by the application's own responder";
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
    Responder responder;

    @Test
    void theApplicationsResponderAnswersAtTheConfiguredPath() throws Exception {
        assertThat(responder).isInstanceOf(Fixed.class);

        int status = WebhookHttp.post(port, "/meta/webhook", WhatsAppWebhook.builder()
                .at(Instant.now())
                .message(WhatsAppCustomer.withPhone("16315551181", "Kerry Fisher"), WhatsAppMessage.text("wamid.own-1", "Hi"))
                .signed(Secret.of("boot-app-secret"))).statusCode();

        assertThat(status).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> GRAPH.requests().stream()
                .anyMatch(request -> request.body().contains(ANSWER)));
    }

    static final class Fixed implements Responder {
        @Override
        public Reply respond(dev.conversa.respond.ResponderRequest request) {
            return Reply.text(ANSWER);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class OwnResponder {
        @Bean
        Responder ownResponder() {
            return new Fixed();
        }
    }
}
