package dev.conversa.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.lang.Secret;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.webhook.WebhookHandler;
import dev.conversa.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignedWebhookTest {

    private static final Secret APP_SECRET = Secret.of("app-secret");

    // No channel is registered: a verified body is acknowledged as an unknown object (200),
    // a body failing verification gets 401.
    private final Stores stores = InMemoryStores.create();
    private final WebhookHandler handler = WebhookHandler.builder()
            .appSecret(APP_SECRET)
            .verifyToken(Secret.of("verify"))
            .accounts(stores.accounts())
            .inbox(stores.inbox())
            .build();

    @Test
    void producesRequestTheWebhookHandlerAccepts() {
        WebhookRequest request = SignedWebhook.post(APP_SECRET, "{\"object\":\"page\",\"entry\":[]}");

        assertThat(handler.handle(request).status()).isEqualTo(200);
    }

    @Test
    void signsMetaEscapedBodyOverTheEscapedBytes() {
        WebhookRequest request = SignedWebhook.builder().appSecret(APP_SECRET)
                .metaJson("{\"object\":\"page\",\"text\":\"Grüße https://x\"}")
                .build();

        assertThat(new String(request.body(), StandardCharsets.US_ASCII)).contains("Gr\\u00fc\\u00dfe", "https:\\/\\/x");
        assertThat(handler.handle(request).status()).isEqualTo(200);
    }

    @Test
    void sendsAnOverriddenSignatureForRejectionTests() {
        WebhookRequest request = SignedWebhook.builder().appSecret(APP_SECRET)
                .json("{\"object\":\"page\"}")
                .signatureHeader("sha256=" + "0".repeat(64))
                .build();

        assertThat(handler.handle(request).status()).isEqualTo(401);
    }

    @Test
    void addsExtraHeaders() {
        WebhookRequest request = SignedWebhook.builder().appSecret(APP_SECRET).json("{}").header("X-Trace", "t1").build();

        assertThat(request.header("x-trace")).contains("t1");
        assertThat(request.header("content-type")).contains("application/json");
    }

    @Test
    void signsWithTheGivenSecret() {
        WebhookRequest request = SignedWebhook.post(Secret.of("another-secret"), "{\"object\":\"page\"}");

        assertThat(handler.handle(request).status()).isEqualTo(401);
    }

    @Test
    void buildNamesTheMissingAppSecret() {
        SignedWebhook.Builder builder = SignedWebhook.builder().json("{}");

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("appSecret is required");
    }
}
