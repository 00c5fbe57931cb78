package dev.conversa.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.testkit.whatsapp.WhatsAppCustomer;
import dev.conversa.testkit.whatsapp.WhatsAppMessage;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
import dev.conversa.webhook.WebhookHandler;
import dev.conversa.webhook.WebhookRequest;
import dev.conversa.webhook.WebhookResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The channel behind core's webhook intake: signed test-kit webhooks land in the inbox once. */
class WebhookIntakeTest {

    private static final Secret APP_SECRET = Secret.of("app-secret");
    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");
    private static final TenantId TENANT = TenantId.of("acme");
    private static final WhatsAppCustomer KERRY = WhatsAppCustomer.withPhone("16315551181", "Kerry Fisher");

    private final Stores stores = InMemoryStores.create();
    private final Clock clock = Clock.fixed(AT.plusSeconds(30), ZoneOffset.UTC);
    private final WebhookHandler handler = WebhookHandler.builder()
            .appSecret(APP_SECRET)
            .verifyToken(Secret.of("verify-token"))
            .channel(WhatsAppChannel.builder().clock(clock).build())
            .accounts(stores.accounts())
            .inbox(stores.inbox())
            .clock(clock)
            .build();

    WebhookIntakeTest() {
        stores.accounts().save(ChannelAccount.of(TENANT, ChannelType.WHATSAPP, WhatsAppWebhook.PHONE_NUMBER_ID,
                Secret.of("EAAG-token")));
    }

    @Test
    void storesASignedTextWebhookInTheInbox() {
        WebhookResponse response = handler.handle(WhatsAppWebhook.builder().at(AT)
                .message(KERRY, WhatsAppMessage.text("wamid.INTAKE1", "Où est ma commande ?")).signed(APP_SECRET));

        assertThat(response.status()).isEqualTo(200);
        List<InboxEntry> entries = stores.inbox().claim("test", 10, Duration.ofMinutes(1), clock.instant());
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.tenant()).isEqualTo(TENANT);
            assertThat(entry.event()).get().isInstanceOfSatisfying(InboundMessage.class, message -> {
                assertThat(message.content()).isEqualTo(new Text("Où est ma commande ?"));
                assertThat(message.sender().name()).isEqualTo(Optional.of("Kerry Fisher"));
            });
        });
    }

    @Test
    void storesARedeliveredBatchOnce() {
        WebhookRequest request = WhatsAppWebhook.builder().at(AT)
                .message(KERRY, WhatsAppMessage.text("wamid.INTAKE2", "hi"))
                .status("wamid.OUT1", "16315551181", "delivered")
                .status("wamid.OUT1", "16315551181", "read")
                .signed(APP_SECRET);

        handler.handle(request);
        handler.handle(request);

        assertThat(stores.inbox().pendingCount()).isEqualTo(3);
    }

    @Test
    void refusesAWebhookSignedWithAnotherSecret() {
        WebhookResponse response = handler.handle(WhatsAppWebhook.builder().at(AT)
                .message(KERRY, WhatsAppMessage.text("wamid.INTAKE3", "hi")).signed(Secret.of("another-secret")));

        assertThat(response.status()).isNotEqualTo(200);
        assertThat(stores.inbox().pendingCount()).isZero();
    }
}
