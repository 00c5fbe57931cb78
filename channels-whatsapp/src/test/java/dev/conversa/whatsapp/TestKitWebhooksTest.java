package dev.conversa.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelError;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Contacts;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Echo;
import dev.conversa.model.EventHeader;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.InteractiveReply;
import dev.conversa.model.Location;
import dev.conversa.model.Media;
import dev.conversa.model.MediaKind;
import dev.conversa.model.MessageContext;
import dev.conversa.model.OptIn;
import dev.conversa.model.Order;
import dev.conversa.model.OrderItem;
import dev.conversa.model.PlatformError;
import dev.conversa.model.Reaction;
import dev.conversa.model.ReplyKind;
import dev.conversa.model.SenderProfile;
import dev.conversa.model.SharedContact;
import dev.conversa.model.StatusUpdate;
import dev.conversa.model.SystemNotice;
import dev.conversa.model.Text;
import dev.conversa.model.Unsupported;
import dev.conversa.model.UnsupportedContent;
import dev.conversa.testkit.WebhookSigner;
import dev.conversa.testkit.whatsapp.WhatsAppCustomer;
import dev.conversa.testkit.whatsapp.WhatsAppMessage;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
import dev.conversa.testsupport.WebhookPayloads;
import dev.conversa.webhook.WebhookRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The test kit's WhatsApp builders produce webhooks that the channel reads as intended. */
class TestKitWebhooksTest {

    private static final Instant AT = Instant.parse("2026-02-03T04:05:06Z");
    private static final WhatsAppCustomer KERRY = WhatsAppCustomer.withPhone("16315551181", "Kérry Fisher");
    private static final SenderProfile KERRY_PROFILE =
            new SenderProfile(Optional.of("Kérry Fisher"), Optional.empty(), Optional.of("16315551181"));

    private final WhatsAppChannel channel = WhatsAppChannel.create();

    @Test
    void signsTheMetaEscapedBodyWithTheAppSecret() {
        WebhookRequest request = WhatsAppWebhook.builder()
                .message(KERRY, WhatsAppMessage.text("wamid.1", "hi")).signed(Secret.of("app-secret"));

        String body = new String(request.body(), StandardCharsets.US_ASCII);
        assertThat(body).contains("K\\u00e9rry");
        assertThat(request.header(WebhookSigner.HEADER))
                .contains(WebhookSigner.of(Secret.of("app-secret")).sign(request.body()));
    }

    @Test
    void buildsTextMessageWithProfileAndTime() {
        assertThat(single(WhatsAppWebhook.builder().at(AT).message(KERRY, WhatsAppMessage.text("wamid.1", "hi"))))
                .isEqualTo(message("wamid.1", new Text("hi"), MessageContext.NONE));
    }

    @Test
    void buildsReplyForwardAndAdContext() {
        List<InboundEvent> events = normalize(WhatsAppWebhook.builder().at(AT)
                .message(KERRY, WhatsAppMessage.text("wamid.1", "yes").replyTo("wamid.0", "15550783881"))
                .message(KERRY, WhatsAppMessage.text("wamid.2", "look").forwarded(true))
                .message(KERRY, WhatsAppMessage.text("wamid.3", "deal?").fromAd("ad-1", "https://fb.me/x", "Sale",
                        "30% off", Map.of("ctwa_clid", "clid-1"))));

        assertThat(events).extracting(e -> ((InboundMessage) e).context()).containsExactly(
                new MessageContext(Optional.of("wamid.0"), false, false, Optional.empty()),
                new MessageContext(Optional.empty(), true, true, Optional.empty()),
                new MessageContext(Optional.empty(), false, false, Optional.of(new dev.conversa.model.ReferralInfo(
                        "ad", Optional.empty(), Optional.of("ad-1"), Optional.of("https://fb.me/x"), Optional.of("Sale"),
                        Optional.of("30% off"), Map.of("ctwa_clid", "clid-1")))));
    }

    @Test
    void buildsEveryMediaKind() {
        List<InboundEvent> events = normalize(WhatsAppWebhook.builder().at(AT)
                .message(KERRY, WhatsAppMessage.media("wamid.1", "image", "m1", "image/jpeg").withMedia("caption", "c"))
                .message(KERRY, WhatsAppMessage.media("wamid.2", "document", "m2", "application/pdf")
                        .withMedia("filename", "a.pdf"))
                .message(KERRY, WhatsAppMessage.voice("wamid.3", "m3"))
                .message(KERRY, WhatsAppMessage.media("wamid.4", "sticker", "m4", "image/webp").withMedia("animated", true)));

        assertThat(events).extracting(e -> ((InboundMessage) e).content()).containsExactly(
                new Media(MediaKind.IMAGE, Optional.of("m1"), Optional.empty(), Optional.of("image/jpeg"),
                        Optional.of("c"), Optional.empty(), Optional.of("c2hhMjU2"), false),
                new Media(MediaKind.DOCUMENT, Optional.of("m2"), Optional.empty(), Optional.of("application/pdf"),
                        Optional.empty(), Optional.of("a.pdf"), Optional.of("c2hhMjU2"), false),
                new Media(MediaKind.VOICE, Optional.of("m3"), Optional.empty(), Optional.of("audio/ogg; codecs=opus"),
                        Optional.empty(), Optional.empty(), Optional.of("c2hhMjU2"), false),
                new Media(MediaKind.STICKER, Optional.of("m4"), Optional.empty(), Optional.of("image/webp"),
                        Optional.empty(), Optional.empty(), Optional.of("c2hhMjU2"), true));
    }

    @Test
    void buildsLocationContactOrderAndSystemNotice() {
        List<InboundEvent> events = normalize(WhatsAppWebhook.builder().at(AT)
                .message(KERRY, WhatsAppMessage.location("wamid.1", 52.5, 13.4, "Shop", "Main St 1"))
                .message(KERRY, WhatsAppMessage.contact("wamid.2", "Barbara", "+14155550123"))
                .message(KERRY, WhatsAppMessage.order("wamid.3", "cat-1", "sku-1", 2, new BigDecimal("9.5"), "EUR"))
                .message(KERRY, WhatsAppMessage.numberChanged("wamid.4", "16315551199")));

        assertThat(events).extracting(e -> ((InboundMessage) e).content()).containsExactly(
                new Location(52.5, 13.4, Optional.of("Shop"), Optional.of("Main St 1"), Optional.empty()),
                new Contacts(List.of(new SharedContact("Barbara", List.of("+14155550123"), List.of(), Optional.empty()))),
                new Order("cat-1", Optional.empty(), List.of(new OrderItem("sku-1", 2, new BigDecimal("9.5"), "EUR"))),
                new SystemNotice("user_changed_number", "User changed number", Optional.of("16315551199")));
    }

    @Test
    void buildsInteractiveRepliesAndTemplateButton() {
        List<InboundEvent> events = normalize(WhatsAppWebhook.builder().at(AT)
                .message(KERRY, WhatsAppMessage.buttonReply("wamid.1", "yes", "Yes"))
                .message(KERRY, WhatsAppMessage.listReply("wamid.2", "express", "Express", "Next day"))
                .message(KERRY, WhatsAppMessage.flowReply("wamid.3", "{\"ok\":true}"))
                .message(KERRY, WhatsAppMessage.templateButton("wamid.4", "STOP", "Stop")));

        assertThat(events).extracting(e -> ((InboundMessage) e).content()).containsExactly(
                new InteractiveReply(ReplyKind.BUTTON, "yes", Optional.of("Yes"), Optional.empty(), Optional.empty()),
                new InteractiveReply(ReplyKind.LIST_ROW, "express", Optional.of("Express"), Optional.of("Next day"),
                        Optional.empty()),
                new InteractiveReply(ReplyKind.FLOW, "flow", Optional.of("Sent"), Optional.empty(),
                        Optional.of("{\"ok\":true}")),
                new InteractiveReply(ReplyKind.TEMPLATE_BUTTON, "STOP", Optional.of("Stop"), Optional.empty(),
                        Optional.empty()));
    }

    @Test
    void buildsReactionAndItsRemoval() {
        List<InboundEvent> events = normalize(WhatsAppWebhook.builder().at(AT)
                .message(KERRY, WhatsAppMessage.reaction("wamid.1", "wamid.0", "\uD83D\uDC4D"))
                .message(KERRY, WhatsAppMessage.reaction("wamid.2", "wamid.0", "")));

        assertThat(events).containsExactly(
                new Reaction(header("16315551181", "wamid.1"), "wamid.0", Optional.of("\uD83D\uDC4D")),
                new Reaction(header("16315551181", "wamid.2"), "wamid.0", Optional.empty()));
    }

    @Test
    void buildsUnsupportedMessageWithItsError() {
        InboundMessage message = (InboundMessage) single(WhatsAppWebhook.builder().at(AT)
                .message(KERRY, WhatsAppMessage.unsupported("wamid.1", "poll")));

        assertThat(message.content()).isInstanceOfSatisfying(UnsupportedContent.class, content -> {
            assertThat(content.type()).isEqualTo("poll");
            assertThat(content.errors()).extracting(ChannelError::code).containsExactly(131051);
        });
    }

    @Test
    void buildsUserWithoutPhoneNumber() {
        WhatsAppCustomer sam = WhatsAppCustomer.withoutPhone("US.1349", "Sam", "@sam");

        assertThat(single(WhatsAppWebhook.builder().at(AT).message(sam, WhatsAppMessage.text("wamid.1", "hi"))))
                .isEqualTo(new InboundMessage(header("US.1349", "wamid.1"), new Text("hi"), MessageContext.NONE,
                        new SenderProfile(Optional.of("Sam"), Optional.of("@sam"), Optional.empty())));
    }

    @Test
    void buildsStatusesInTheOrderAdded() {
        List<InboundEvent> events = normalize(WhatsAppWebhook.builder().at(AT)
                .sentWithPricing("wamid.B", "16315551181", "conv-1", "service")
                .status("wamid.B", "16315551181", "read")
                .status("wamid.B", "16315551181", "delivered")
                .failed("wamid.C", "16315551181", 131047, "Re-engagement message"));

        assertThat(events).extracting(e -> ((StatusUpdate) e).status()).containsExactly(
                DeliveryStatus.SENT, DeliveryStatus.READ, DeliveryStatus.DELIVERED, DeliveryStatus.FAILED);
        assertThat(((StatusUpdate) events.get(0)).details()).containsEntry("conversation.id", "conv-1")
                .containsEntry("pricing.category", "service");
        assertThat(((StatusUpdate) events.get(3)).errors()).extracting(ChannelError::code).containsExactly(131047);
    }

    @Test
    void keepsMessagesAndStatusesInTheOrderAdded() {
        List<InboundEvent> events = normalize(WhatsAppWebhook.builder().at(AT)
                .status("wamid.B", "16315551181", "read")
                .message(KERRY, WhatsAppMessage.text("wamid.1", "hi"))
                .status("wamid.B", "16315551181", "delivered"));

        assertThat(events).extracting(e -> e.header().externalId())
                .containsExactly("wamid.B:read", "wamid.1", "wamid.B:delivered");
    }

    @Test
    void buildsChangeLevelError() {
        PlatformError error = (PlatformError) single(WhatsAppWebhook.builder().changeError(130429, "Rate limit hit"));

        assertThat(error.errors()).extracting(ChannelError::code).containsExactly(130429);
    }

    @Test
    void buildsBusinessAppEcho() {
        assertThat(single(WhatsAppWebhook.builder().at(AT).echo("16315551181", WhatsAppMessage.text("wamid.E", "on it"))))
                .isEqualTo(new Echo(header("16315551181", "wamid.E"), new Text("on it"), Optional.empty(), Optional.empty()));
    }

    @Test
    void buildsMarketingStopAndResume() {
        List<InboundEvent> events = normalize(WhatsAppWebhook.builder().at(AT)
                .marketingPreference(KERRY, false).marketingPreference(KERRY, true));

        assertThat(events).extracting(e -> ((OptIn) e).optedIn()).containsExactly(false, true);
        assertThat(events).extracting(e -> ((OptIn) e).topic()).containsOnly("marketing_messages");
    }

    @Test
    void buildsOtherFieldsKeptAsUnsupported() {
        Unsupported event = (Unsupported) single(WhatsAppWebhook.builder()
                .otherField("security", "{\"event\":\"PIN_CHANGED\"}"));

        assertThat(event.type()).isEqualTo("security");
    }

    @Test
    void buildsMessagesForSeveralBusinessNumbers() {
        List<InboundEvent> events = normalize(WhatsAppWebhook.builder().at(AT)
                .message(KERRY, WhatsAppMessage.text("wamid.1", "a"))
                .business("999", "15550000000")
                .message(KERRY, WhatsAppMessage.text("wamid.2", "b")));

        assertThat(events).extracting(e -> e.header().accountId())
                .containsExactly(WhatsAppWebhook.PHONE_NUMBER_ID, "999");
    }

    private InboundMessage message(String id, dev.conversa.model.MessageContent content, MessageContext context) {
        return new InboundMessage(header("16315551181", id), content, context, KERRY_PROFILE);
    }

    private static EventHeader header(String contact, String id) {
        return new EventHeader(ChannelType.WHATSAPP, WhatsAppWebhook.PHONE_NUMBER_ID, contact, id, AT,
                Map.of(WhatsAppChannel.DISPLAY_PHONE_NUMBER, WhatsAppWebhook.DISPLAY_PHONE_NUMBER));
    }

    private InboundEvent single(WhatsAppWebhook webhook) {
        List<InboundEvent> events = normalize(webhook);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private List<InboundEvent> normalize(WhatsAppWebhook webhook) {
        byte[] raw = webhook.signed(Secret.of("app-secret")).body();
        return channel.normalize(WebhookPayloads.of(raw));
    }
}
