package dev.conversa.messenger.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.channel.EchoMarker;
import dev.conversa.channel.SendRequest;
import dev.conversa.lang.Secret;
import dev.conversa.model.Author;
import dev.conversa.model.Buttons;
import dev.conversa.model.CallToAction;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Choice;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ListMenu;
import dev.conversa.model.Location;
import dev.conversa.model.MarkRead;
import dev.conversa.model.Media;
import dev.conversa.model.MediaKind;
import dev.conversa.model.OutboundContent;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.QuickReplies;
import dev.conversa.model.React;
import dev.conversa.model.Template;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import dev.conversa.model.Typing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SendApiRendererTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final ConversationKey TO = new ConversationKey(ChannelType.MESSENGER, "1063", "6811");
    static final ChannelAccount PAGE = ChannelAccount.of(TenantId.of("acme"), ChannelType.MESSENGER, "1063",
            Secret.of("page-token"));

    private final SendApiRenderer renderer = new SendApiRenderer(SendApiDialect.MESSENGER);

    static SendRequest request(OutboundMessage message, Duration sinceLastInbound) {
        return new SendRequest(PAGE, message, Optional.of(NOW.minus(sinceLastInbound)), NOW);
    }

    private List<String> render(OutboundContent content) {
        return renderer.render(request(OutboundMessage.of(TO, content), Duration.ofMinutes(5)));
    }

    /** A request body around a message, which ends with our echo marker as Messenger's messages do. */
    private static String envelope(String message) {
        return "{\"recipient\":{\"id\":\"6811\"},\"messaging_type\":\"RESPONSE\",\"message\":" + marked(message) + "}";
    }

    private static String marked(String message) {
        return message.substring(0, message.length() - 1) + ",\"metadata\":\"conversa\"}";
    }

    @Test
    void rendersTextAsResponseWithinTheWindow() {
        assertThat(render(new Text("We ship on Monday."))).containsExactly(envelope("{\"text\":\"We ship on Monday.\"}"));
    }

    @Test
    void tagsAgentReplyBetween24HoursAnd7DaysAsHumanAgent() {
        OutboundMessage reply = OutboundMessage.text(TO, "Sorry for the wait").by(Author.AGENT);

        assertThat(renderer.render(request(reply, Duration.ofDays(3)))).containsExactly(
                "{\"recipient\":{\"id\":\"6811\"},\"messaging_type\":\"MESSAGE_TAG\",\"tag\":\"HUMAN_AGENT\","
                        + "\"message\":{\"text\":\"Sorry for the wait\",\"metadata\":\"conversa\"}}");
    }

    @Test
    void refusesTextLongerThan2000CharactersWithoutQuotingIt() {
        String secretish = "x".repeat(2001);

        assertThatThrownBy(() -> render(new Text(secretish)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Messenger allows at most 2000 characters in a text message; this one has 2001");
    }

    @Test
    void countsEmojiAsOneCharacterEach() {
        assertThat(render(new Text("\uD83D\uDE00".repeat(2000)))).hasSize(1);
    }

    @Test
    void rendersImageByUrlThenItsCaptionAsText() {
        Media image = Media.byUrl(MediaKind.IMAGE, "https://cdn.example.com/a.png").withCaption("Our store");

        assertThat(render(image)).containsExactly(
                envelope("{\"attachment\":{\"type\":\"image\",\"payload\":{\"url\":\"https://cdn.example.com/a.png\","
                        + "\"is_reusable\":true}}}"),
                envelope("{\"text\":\"Our store\"}"));
    }

    @Test
    void rendersUploadedDocumentByAttachmentId() {
        assertThat(render(Media.byId(MediaKind.DOCUMENT, "987"))).containsExactly(
                envelope("{\"attachment\":{\"type\":\"file\",\"payload\":{\"attachment_id\":\"987\"}}}"));
    }

    @Test
    void rendersQuickReplies() {
        QuickReplies quick = new QuickReplies("Pick a size", List.of(new Choice("S", "Small"), new Choice("M", "Medium")));

        assertThat(render(quick)).containsExactly(envelope("{\"text\":\"Pick a size\",\"quick_replies\":["
                + "{\"content_type\":\"text\",\"title\":\"Small\",\"payload\":\"S\"},"
                + "{\"content_type\":\"text\",\"title\":\"Medium\",\"payload\":\"M\"}]}"));
    }

    @Test
    void refusesMoreThan13QuickReplies() {
        List<Choice> fourteen = IntStream.range(0, 14).mapToObj(i -> new Choice("id" + i, "t" + i)).toList();

        assertThatThrownBy(() -> render(new QuickReplies("Pick", fourteen)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Messenger allows at most 13 quick replies; this message has 14");
    }

    @Test
    void refusesQuickReplyTitleLongerThan20Characters() {
        QuickReplies quick = new QuickReplies("Pick", List.of(new Choice("a", "a title that is too long")));

        assertThatThrownBy(() -> render(quick)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Messenger allows at most 20 characters in a quick reply title; this one has 24");
    }

    @Test
    void rendersButtonsAsButtonTemplateWithPostbacks() {
        Buttons buttons = new Buttons("Track or return?", List.of(new Choice("TRACK", "Track"), new Choice("RET", "Return")));

        assertThat(render(buttons)).containsExactly(envelope("{\"attachment\":{\"type\":\"template\",\"payload\":{"
                + "\"template_type\":\"button\",\"text\":\"Track or return?\",\"buttons\":["
                + "{\"type\":\"postback\",\"title\":\"Track\",\"payload\":\"TRACK\"},"
                + "{\"type\":\"postback\",\"title\":\"Return\",\"payload\":\"RET\"}]}}}"));
    }

    @Test
    void degradesFourButtonsToQuickReplies() {
        List<Choice> four = IntStream.range(0, 4).mapToObj(i -> new Choice("B" + i, "Option " + i)).toList();

        assertThat(render(new Buttons("Choose", four)).get(0))
                .contains("\"quick_replies\":[").contains("\"title\":\"Option 3\",\"payload\":\"B3\"")
                .doesNotContain("template");
    }

    @Test
    void rendersCallToActionAsWebUrlButton() {
        assertThat(render(new CallToAction("See the order", "Open", "https://shop.example.com/o/1"))).containsExactly(
                envelope("{\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":\"button\","
                        + "\"text\":\"See the order\",\"buttons\":[{\"type\":\"web_url\","
                        + "\"url\":\"https://shop.example.com/o/1\",\"title\":\"Open\"}]}}}"));
    }

    @Test
    void rendersListAsTextThenGenericTemplate() {
        ListMenu menu = new ListMenu("Our plans", "Choose", List.of(new ListMenu.Section(Optional.empty(), List.of(
                new ListMenu.Row("BASIC", "Basic", Optional.of("5 EUR")), new ListMenu.Row("PRO", "Pro", Optional.empty())))));

        assertThat(render(menu)).containsExactly(envelope("{\"text\":\"Our plans\"}"),
                envelope("{\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":\"generic\","
                        + "\"elements\":[{\"title\":\"Basic\",\"subtitle\":\"5 EUR\",\"buttons\":[{\"type\":\"postback\","
                        + "\"title\":\"Choose\",\"payload\":\"BASIC\"}]},{\"title\":\"Pro\",\"buttons\":[{\"type\":"
                        + "\"postback\",\"title\":\"Choose\",\"payload\":\"PRO\"}]}]}}}"));
    }

    @Test
    void degradesListOfFourteenLongRowsToNumberedText() {
        List<ListMenu.Row> rows = IntStream.range(0, 14)
                .mapToObj(i -> new ListMenu.Row("R" + i, "A rather long row title " + i, Optional.empty())).toList();
        ListMenu menu = new ListMenu("Pick one", "Choose", List.of(new ListMenu.Section(Optional.empty(), rows)));

        assertThat(render(menu).get(0)).contains("\"text\":\"Pick one\\n1. A rather long row title 0\\n2. ")
                .contains("14. A rather long row title 13");
    }

    @Test
    void rendersLocationAsTextWithAMapLink() {
        Location shop = new Location(38.7223, -9.1393, Optional.of("Acme Store"), Optional.of("Rua Augusta 1"),
                Optional.empty());

        assertThat(render(shop)).containsExactly(envelope("{\"text\":\"Acme Store\\nRua Augusta 1\\n"
                + "https://www.google.com/maps/search/?api=1&query=38.722300,-9.139300\"}"));
    }

    @Test
    void marksEveryMessageWithOurEchoMetadata() {
        assertThat(render(Media.byUrl(MediaKind.IMAGE, "https://cdn.example.com/a.png").withCaption("Our store")))
                .hasSize(2).allSatisfy(body -> assertThat(body).contains("\"metadata\":\"" + EchoMarker.VALUE + "\""));
    }

    @Test
    void rendersTypingOnAsSenderAction() {
        assertThat(render(new Typing(true, Optional.empty()))).containsExactly(
                "{\"recipient\":{\"id\":\"6811\"},\"sender_action\":\"typing_on\"}");
    }

    @Test
    void marksTheAnsweredMessageSeenBeforeShowingTyping() {
        assertThat(render(new Typing(true, Optional.of("m_1")))).containsExactly(
                "{\"recipient\":{\"id\":\"6811\"},\"sender_action\":\"mark_seen\"}",
                "{\"recipient\":{\"id\":\"6811\"},\"sender_action\":\"typing_on\"}");
    }

    @Test
    void rendersTypingOffAsSenderAction() {
        assertThat(render(new Typing(false, Optional.empty()))).containsExactly(
                "{\"recipient\":{\"id\":\"6811\"},\"sender_action\":\"typing_off\"}");
    }

    @Test
    void rendersMarkReadAsMarkSeenSenderAction() {
        assertThat(render(new MarkRead("m_1"))).containsExactly(
                "{\"recipient\":{\"id\":\"6811\"},\"sender_action\":\"mark_seen\"}");
    }

    @Test
    void rendersReplyToOnTheFirstRequestOnly() {
        OutboundMessage reply = OutboundMessage.of(TO,
                Media.byUrl(MediaKind.IMAGE, "https://cdn.example.com/a.png").withCaption("This one")).inReplyTo("m_9");

        List<String> bodies = renderer.render(request(reply, Duration.ofMinutes(1)));

        assertThat(bodies.get(0)).contains("\"reply_to\":{\"mid\":\"m_9\"}");
        assertThat(bodies.get(1)).doesNotContain("reply_to");
    }

    @Test
    void refusesWhatsAppTemplate() {
        assertThatThrownBy(() -> render(new Template("order_update", "en", List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Messenger cannot send 'template' content through the Send API");
    }

    @Test
    void refusesReactionsOnMessenger() {
        assertThatThrownBy(() -> render(new React("m_1", "\u2764")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Messenger cannot send 'reaction' content through the Send API");
    }
}
