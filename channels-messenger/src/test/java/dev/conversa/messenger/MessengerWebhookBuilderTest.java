package dev.conversa.messenger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Echo;
import dev.conversa.model.Edited;
import dev.conversa.model.EventHeader;
import dev.conversa.model.Handover;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.InteractiveReply;
import dev.conversa.model.Location;
import dev.conversa.model.Media;
import dev.conversa.model.MediaKind;
import dev.conversa.model.OptIn;
import dev.conversa.model.Reaction;
import dev.conversa.model.Read;
import dev.conversa.model.Referral;
import dev.conversa.model.ReplyKind;
import dev.conversa.model.StatusUpdate;
import dev.conversa.model.Text;
import dev.conversa.model.Unsupported;
import dev.conversa.testkit.WebhookSigner;
import dev.conversa.testkit.messenger.MessengerWebhook;
import dev.conversa.testsupport.WebhookPayloads;
import dev.conversa.webhook.WebhookRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The test kit's Messenger builders produce webhooks the real channel reads as intended. */
class MessengerWebhookBuilderTest {

    private static final String PAGE = "1063";
    private static final String PSID = "6811";
    private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");
    private static final Secret APP_SECRET = Secret.of("app-secret");

    private static List<InboundEvent> normalize(MessengerWebhook webhook) {
        WebhookRequest request = webhook.signed(APP_SECRET);
        return MessengerChannel.create().normalize(WebhookPayloads.of(request.body()));
    }

    private static MessengerWebhook page() {
        return MessengerWebhook.page(PAGE).at(AT);
    }

    @Test
    void signsTheEscapedBodyWithTheAppSecret() {
        WebhookRequest request = page().text(PSID, "m_1", "Olá / ok").signed(APP_SECRET);

        assertThat(new String(request.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("Ol\\u00e1 \\/ ok");
        assertThat(request.header(WebhookSigner.HEADER)).contains(WebhookSigner.of(APP_SECRET).sign(request.body()));
    }

    @Test
    void buildsMessagesTheChannelReads() {
        List<InboundEvent> events = normalize(page().text(PSID, "m_1", "Hello")
                .quickReply(PSID, "m_2", "Red", "RED")
                .replyTo(PSID, "m_3", "this", "m_1")
                .attachment(PSID, "m_4", "video", "https://cdn.example.com/v.mp4")
                .sticker(PSID, "m_5", "https://cdn.example.com/like.png", 369239263222822L)
                .location(PSID, "m_6", 38.7, -9.1)
                .postback(PSID, "m_7", "Start", "GET_STARTED"));

        assertThat(events).extracting(e -> ((InboundMessage) e).content()).containsExactly(
                new Text("Hello"),
                new InteractiveReply(ReplyKind.QUICK_REPLY, "RED", Optional.of("Red"), Optional.empty(), Optional.empty()),
                new Text("this"),
                Media.byUrl(MediaKind.VIDEO, "https://cdn.example.com/v.mp4"),
                new Media(MediaKind.STICKER, Optional.of("369239263222822"), Optional.of("https://cdn.example.com/like.png"),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false),
                new Location(38.7, -9.1, Optional.of("Pinned Location"), Optional.empty(), Optional.empty()),
                new InteractiveReply(ReplyKind.POSTBACK, "GET_STARTED", Optional.of("Start"), Optional.empty(),
                        Optional.empty()));
        assertThat(((InboundMessage) events.get(2)).context().replyTo()).contains("m_1");
    }

    @Test
    void buildsReceiptsReactionsAndConsentTheChannelReads() {
        List<InboundEvent> events = normalize(page()
                .reaction(PSID, "m_1", "\uD83D\uDC4D").unreact(PSID, "m_1")
                .read(PSID, AT.minusSeconds(5)).delivery(PSID, AT.minusSeconds(9), "m_out")
                .referral(PSID, "SHORTLINK", "promo").optIn(PSID, "DEALS", "tok-1")
                .edit(PSID, "m_1", "Hello!", 1));

        assertThat(events).hasSize(7);
        assertThat(((Reaction) events.get(0)).emoji()).contains("\uD83D\uDC4D");
        assertThat(((Reaction) events.get(1)).removed()).isTrue();
        assertThat(((Read) events.get(2)).watermark()).contains(AT.minusSeconds(5));
        assertThat(((StatusUpdate) events.get(3)).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(((Referral) events.get(4)).referral().ref()).contains("promo");
        assertThat(((OptIn) events.get(5)).details()).containsEntry("notification_messages_token", "tok-1");
        assertThat(((Edited) events.get(6)).content()).isEqualTo(new Text("Hello!"));
    }

    @Test
    void buildsEchoesHandoversAndCustomEventsBeforeTheEntrysStandbyEvents() {
        List<InboundEvent> events = normalize(page()
                .echo(PSID, "m_e", "Hi from the inbox", "263902037430900")
                .passThreadControl(PSID, "111", "263902037430900", "to a person")
                .takeThreadControl(PSID, "263902037430900", "111", "back to the bot")
                .requestThreadControl(PSID, "263902037430900", "please")
                .standbyText(PSID, "m_s", "while the inbox holds it")
                .custom(PSID, "messaging_game_plays", "{\"score\":1}"));

        assertThat(events.get(0)).isEqualTo(new Echo(new EventHeader(ChannelType.MESSENGER, PAGE, PSID, "m_e", AT),
                new Text("Hi from the inbox"), Optional.of("263902037430900"), Optional.empty()));
        assertThat(events.subList(1, 4)).extracting(e -> ((Handover) e).action()).containsExactly(
                Handover.Action.PASS, Handover.Action.TAKE, Handover.Action.REQUEST);
        assertThat(((Unsupported) events.get(4)).type()).isEqualTo("messaging_game_plays");
        assertThat(((Handover) events.get(5)).action()).isEqualTo(Handover.Action.STANDBY);
    }

    @Test
    void buildsSeveralEntriesInOnePost() {
        List<InboundEvent> events = normalize(page().text(PSID, "m_1", "one").entry("2002").text("7000", "m_2", "two"));

        assertThat(events).extracting(e -> e.header().accountId()).containsExactly(PAGE, "2002");
    }
}
