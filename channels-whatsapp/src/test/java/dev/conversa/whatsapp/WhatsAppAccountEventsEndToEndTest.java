package dev.conversa.whatsapp;

import static dev.conversa.e2e.ConversaRig.ACCESS_TOKEN;
import static dev.conversa.e2e.ConversaRig.APP_SECRET;
import static dev.conversa.e2e.ConversaRig.HOURS_ANSWER;
import static dev.conversa.e2e.ConversaRig.SIZE_ANSWER;
import static dev.conversa.e2e.ConversaRig.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.e2e.ConversaRig;
import dev.conversa.lang.Secret;
import dev.conversa.model.AccountEvent;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.MessageTemplate;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.Template;
import dev.conversa.model.TemplateComponent;
import dev.conversa.model.TenantId;
import dev.conversa.store.AuditEvent;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.RecordedRequest;
import dev.conversa.testkit.SignedWebhook;
import dev.conversa.testkit.whatsapp.WhatsAppCustomer;
import dev.conversa.testkit.whatsapp.WhatsAppMessage;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
import dev.conversa.webhook.WebhookRequest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * WhatsApp's account-level webhooks, addressed to the WhatsApp Business Account, through signed
 * webhooks, the whole pipeline and the outbox against the Graph API stand-in on 127.0.0.1: they
 * reach the tenant of the numbers registered with that business account, are recorded (audit,
 * template catalogue, sending limit), reach the host's listener, are never answered; a ban stops
 * the bot's replies with the reason and a reinstatement lets them go again; template sends are
 * checked against the catalogue read from {@code GET /{waba-id}/message_templates} before any
 * request.
 */
class WhatsAppAccountEventsEndToEndTest {

    private static final String NUMBER = WhatsAppWebhook.PHONE_NUMBER_ID;
    private static final String WABA = WhatsAppWebhook.WABA_ID;
    private static final WhatsAppCustomer KERRY = WhatsAppCustomer.withPhone("16315551181", "Kerry Fisher");
    private static final ConversationKey KEY = new ConversationKey(ChannelType.WHATSAPP, NUMBER, "16315551181");
    private static final String TEMPLATES_PATH = "/v\\d+\\.\\d+/" + WABA + "/message_templates";

    private final GraphStandIn graph = GraphStandIn.start();
    private final List<Heard> heard = new CopyOnWriteArrayList<>();
    private final ConversaRig rig = ConversaRig.start(WhatsAppChannel.create(),
            ChannelAccount.of(TENANT, ChannelType.WHATSAPP, NUMBER, Secret.of(ACCESS_TOKEN)).withBusinessAccountId(WABA),
            graph.baseUrl(), builder -> builder.accountListener((tenant, event, accounts) -> heard.add(new Heard(tenant,
                    event, accounts.stream().map(ChannelAccount::accountId).toList()))));

    @AfterEach
    void stop() {
        rig.close();
        graph.close();
    }

    @Test
    void aRejectedTemplateReachesTheTenantTheCatalogueAndTheListenerAndGetsNoReply() {
        // given: the catalogue read from Meta (paging is covered by TemplateCatalogueTest)
        graph.answer("GET", TEMPLATES_PATH, 200, """
                {"data":[{"id":"3141592653589793","name":"winter_sale","language":"en_US","status":"APPROVED",
                  "category":"MARKETING","components":[{"type":"HEADER","format":"TEXT","text":"Sale"},
                  {"type":"BODY","text":"Hi {{1}}, {{2}} off until {{3}}. {{1}}, see you!"}]},
                 {"id":"2718281828459045","name":"order_ready","language":"es","status":"APPROVED",
                  "category":"UTILITY","components":[{"type":"BODY","text":"Su pedido {{order}} está listo."}]},
                 {"id":"1","name":"no_body","language":"en","status":"PAUSED","category":"UTILITY","components":[]}],
                 "paging":{"cursors":{"before":"b1","after":"end"}}}""");
        List<MessageTemplate> catalogue = rig.conversa().refreshTemplates(TENANT, ChannelType.WHATSAPP, NUMBER);
        assertThat(catalogue).extracting(t -> t.name() + "/" + t.language() + "/" + t.status() + "/"
                + t.bodyParameters().orElse(-1)).containsExactly("no_body/en/PAUSED/0", "order_ready/es/APPROVED/1",
                "winter_sale/en_US/APPROVED/3");
        assertThat(graph.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.header("Authorization")).contains("Bearer " + ACCESS_TOKEN);
        });
        graph.clear();

        // when: Meta rejects winter_sale
        rig.deliver(fixture("account_template_rejected.json"));
        rig.awaitIdle();

        // then: recorded for the tenant, the catalogue follows, the host hears it, nothing goes to Meta
        assertThat(graph.requests()).isEmpty();
        assertThat(rig.responderCalls()).isZero();
        assertThat(rig.conversa().templates(TENANT, ChannelType.WHATSAPP, NUMBER))
                .filteredOn(t -> t.name().equals("winter_sale")).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo("REJECTED"));
        assertThat(heard).singleElement().satisfies(h -> {
            assertThat(h.tenant()).isEqualTo(TENANT);
            assertThat(h.accounts()).containsExactly(NUMBER);
            assertThat(h.event().alert()).isTrue();
            assertThat(h.event().status()).isEqualTo("REJECTED");
        });
        assertThat(accountAudit()).singleElement().satisfies(event -> assertThat(event.details())
                .containsEntry("type", "message_template_status_update").containsEntry("status", "REJECTED")
                .containsEntry("template", "winter_sale").containsEntry("businessAccountId", WABA));

        // and: template sends are checked before any request
        rig.deliver(WhatsAppWebhook.builder().at(Instant.now().minusSeconds(30))
                .message(KERRY, WhatsAppMessage.text("wamid.acct.1", "Is size M in stock?")).signed(APP_SECRET));
        rig.awaitSent(KEY, SIZE_ANSWER);
        rig.awaitIdle();
        graph.clear();
        assertThatThrownBy(() -> sendTemplate("winter_sale", "en_US", "Kerry", "20%", "Sunday"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'winter_sale' (en_US) is REJECTED");
        assertThatThrownBy(() -> sendTemplate("spring_sale", "en_US"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown template 'spring_sale'");
        assertThatThrownBy(() -> sendTemplate("order_ready", "es"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes 1 body parameter(s), the message gives 0");
        assertThat(graph.requests()).isEmpty();
        OutboxEntry good = sendTemplate("order_ready", "es", "A-1001");
        await().atMost(ConversaRig.PATIENCE).until(() -> state(good) == OutboxState.SENT);
        assertThat(graph.requests()).singleElement().satisfies(request -> assertThat(request.body())
                .contains("\"order_ready\""));
    }

    @Test
    void aBanStopsTheBotsRepliesWithTheReasonAndAReinstatementLetsThemGo() {
        // when: the WhatsApp Business Account is banned
        rig.deliver(fixture("account_banned.json"));
        rig.awaitIdle();

        // then: the host hears it; the customer's next message is recorded, its reply fails unsent
        assertThat(heard).singleElement().satisfies(h -> {
            assertThat(h.event().type()).isEqualTo(AccountEvent.Type.ACCOUNT);
            assertThat(h.event().sendingLimit()).isPresent();
            assertThat(h.accounts()).containsExactly(NUMBER);
        });
        rig.deliver(WhatsAppWebhook.builder().at(Instant.now().minusSeconds(60))
                .message(KERRY, WhatsAppMessage.text("wamid.ban.1", "Is size M in stock?")).signed(APP_SECRET));
        await().atMost(ConversaRig.PATIENCE).until(() -> rig.outbox(OutboxState.DEAD).stream()
                .anyMatch(entry -> "text".equals(entry.message().content().kind())));
        rig.awaitIdle();
        assertThat(rig.outbox(OutboxState.DEAD)).isNotEmpty().allSatisfy(entry -> assertThat(entry.lastError())
                .hasValueSatisfying(error -> assertThat(error).contains("DISABLED_UPDATE DISABLE").contains("banned")))
                .anySatisfy(entry -> assertThat(entry.message().content().kind()).isEqualTo("text"));
        assertThat(graph.requests()).noneMatch(request -> request.path().endsWith("/messages")
                && request.body().contains("\"text\""));
        assertThat(rig.history(KEY)).extracting(record -> record.messageId()).contains("wamid.ban.1");

        // when: reinstated, and the customer writes again
        rig.deliver(fixture("account_reinstated.json"));
        rig.awaitIdle();
        rig.deliver(WhatsAppWebhook.builder().at(Instant.now().minusSeconds(30))
                .message(KERRY, WhatsAppMessage.text("wamid.ban.2", "When do you open?")).signed(APP_SECRET));

        // then: answered
        rig.awaitSent(KEY, HOURS_ANSWER);
        assertThat(heard).hasSize(2);
        assertThat(rig.stores().accounts().findSendingLimit(TENANT, ChannelType.WHATSAPP, WABA)).isEmpty();
    }

    @Test
    void everyAccountLevelFieldIsRecordedAndNoneIsAnswered() {
        for (String fixture : List.of("account_template_approved.json", "account_template_quality.json",
                "account_template_category.json", "account_restricted.json", "account_review.json",
                "account_phone_quality.json", "account_phone_name.json", "account_capability.json")) {
            rig.deliver(fixture(fixture));
        }
        rig.awaitIdle();

        assertThat(heard).extracting(h -> h.event().type()).containsExactlyInAnyOrder(AccountEvent.Type.TEMPLATE_STATUS,
                AccountEvent.Type.TEMPLATE_QUALITY, AccountEvent.Type.TEMPLATE_CATEGORY, AccountEvent.Type.ACCOUNT,
                AccountEvent.Type.ACCOUNT_REVIEW, AccountEvent.Type.PHONE_NUMBER_QUALITY,
                AccountEvent.Type.PHONE_NUMBER_NAME, AccountEvent.Type.BUSINESS_CAPABILITY);
        assertThat(accountAudit()).hasSize(8);
        assertThat(graph.requests()).isEmpty();
        assertThat(rig.responderCalls()).isZero();
        assertThat(rig.stores().accounts().findTemplate(TENANT, ChannelType.WHATSAPP, WABA, "order_ready", "es"))
                .hasValueSatisfying(t -> {
                    assertThat(t.status()).isEqualTo("APPROVED");
                    assertThat(t.category()).contains("MARKETING");
                });
        assertThat(rig.stores().accounts().findSendingLimit(TENANT, ChannelType.WHATSAPP, WABA))
                .hasValueSatisfying(limit -> {
                    assertThat(limit.templates()).isFalse();
                    assertThat(limit.replies()).isTrue();
                });
        assertThat(rig.history(new ConversationKey(ChannelType.WHATSAPP, WABA, WABA))).isEmpty();
    }

    @Test
    void anAccountEventOfABusinessAccountNoRegisteredNumberNamesIsNotStored() {
        rig.deliver(SignedWebhook.post(APP_SECRET, WhatsAppFixtures.fresh("account_banned.json")
                .replace(WABA, "999000111222333")));
        rig.awaitIdle();

        assertThat(rig.storedEventIds()).isEmpty();
        assertThat(heard).isEmpty();
        assertThat(rig.stores().accounts().findSendingLimit(TENANT, ChannelType.WHATSAPP, "999000111222333")).isEmpty();
    }

    private OutboxEntry sendTemplate(String name, String language, String... bodyValues) {
        List<TemplateComponent> components = bodyValues.length == 0 ? List.of()
                : List.of(TemplateComponent.body(bodyValues));
        return rig.conversa().send(TENANT, OutboundMessage.of(KEY, new Template(name, language, components)));
    }

    private OutboxState state(OutboxEntry entry) {
        return rig.stores().outbox().find(TENANT, entry.id()).map(OutboxEntry::state).orElseThrow();
    }

    private static WebhookRequest fixture(String name) {
        return SignedWebhook.post(APP_SECRET, WhatsAppFixtures.fresh(name));
    }

    private List<AuditEvent> accountAudit() {
        return rig.stores().audit().list(TENANT, 100).stream()
                .filter(event -> "account_event".equals(event.action())).toList();
    }

    private record Heard(TenantId tenant, AccountEvent event, List<String> accounts) {
    }
}
