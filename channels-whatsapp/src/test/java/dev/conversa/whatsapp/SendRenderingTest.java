package dev.conversa.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.conversa.channel.SendResult;
import dev.conversa.graph.GraphClient;
import dev.conversa.model.Author;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Contacts;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.Location;
import dev.conversa.model.Media;
import dev.conversa.model.MediaKind;
import dev.conversa.model.OutboundContent;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.React;
import dev.conversa.model.SharedContact;
import dev.conversa.model.Text;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SendRenderingTest {

    @RegisterExtension
    static WireMockExtension wm = GraphStub.extension();

    private final FakeClock clock = new FakeClock(Sends.NOW);
    private final GraphClient graph = GraphStub.client(wm);
    private final WhatsAppChannel channel = WhatsAppChannel.builder().clock(clock).sleeper(clock::advance).build();

    @BeforeEach
    void acceptSends() {
        GraphStub.acceptMessages(wm);
    }

    @Test
    void postsToTheVersionedMessagesPathOfThePhoneNumberWithTheBearerToken() {
        channel.send(Sends.request(new Text("hi")), graph);

        assertThat(GraphStub.requests(wm)).singleElement().satisfies(request -> {
            assertThat(request.getMethod().getName()).isEqualTo("POST");
            assertThat(request.getUrl()).isEqualTo("/v23.0/106540352242922/messages");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer EAAG-test-token");
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        });
    }

    @Test
    void returnsTheWamidOfTheSentMessage() {
        SendResult result = channel.send(Sends.request(new Text("hi")), graph);

        assertThat(result.messageId()).contains(GraphStub.SENT_ID);
    }

    @Test
    void rendersTextWithLinkPreviewAndReplyContext() {
        OutboundMessage message = new OutboundMessage(Sends.TO, new Text("See https://example.com/size-guide"),
                Optional.of("wamid.CUSTOMER1"), Author.BOT, true);

        channel.send(Sends.request(message), graph);

        assertBody("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"16315551181",
                 "context":{"message_id":"wamid.CUSTOMER1"},
                 "type":"text","text":{"preview_url":true,"body":"See https://example.com/size-guide"}}""");
    }

    @Test
    void addressesCustomerWithoutPhoneNumberByBusinessScopedUserId() {
        ConversationKey to = new ConversationKey(ChannelType.WHATSAPP, Sends.NUMBER, "US.13491208655302741918");

        channel.send(Sends.request(OutboundMessage.text(to, "hi")), graph);

        GraphStub.assertLastSent(wm, """
                {"messaging_product":"whatsapp","recipient_type":"individual","recipient":"US.13491208655302741918",
                 "type":"text","text":{"preview_url":false,"body":"hi"}}""");
    }

    @Test
    void rendersTextWithoutPreviewByDefault() {
        assertRendered(new Text("Hello"), """
                {"type":"text","text":{"preview_url":false,"body":"Hello"}}""");
    }

    @Test
    void rendersImageByMediaIdWithCaption() {
        assertRendered(Media.byId(MediaKind.IMAGE, "1003383421387256").withCaption("your receipt"), """
                {"type":"image","image":{"id":"1003383421387256","caption":"your receipt"}}""");
    }

    @Test
    void rendersDocumentByLinkWithCaptionAndFilename() {
        assertRendered(Media.byUrl(MediaKind.DOCUMENT, "https://files.example.com/invoice.pdf")
                .withCaption("Invoice").withFilename("invoice-42.pdf"), """
                {"type":"document","document":{"link":"https://files.example.com/invoice.pdf",
                 "caption":"Invoice","filename":"invoice-42.pdf"}}""");
    }

    @Test
    void rendersVoiceNoteAsAudio() {
        assertRendered(Media.byId(MediaKind.VOICE, "1788221334455667"), """
                {"type":"audio","audio":{"id":"1788221334455667"}}""");
    }

    @Test
    void rendersVideoByLink() {
        assertRendered(Media.byUrl(MediaKind.VIDEO, "https://cdn.example.com/demo.mp4").withCaption("demo"), """
                {"type":"video","video":{"link":"https://cdn.example.com/demo.mp4","caption":"demo"}}""");
    }

    @Test
    void rendersStickerById() {
        assertRendered(Media.byId(MediaKind.STICKER, "1455667788990011"), """
                {"type":"sticker","sticker":{"id":"1455667788990011"}}""");
    }

    @Test
    void rendersLocationWithNameAndAddress() {
        assertRendered(new Location(37.4843, -122.1482, Optional.of("Lucky Shrub"), Optional.of("1 Hacker Way"),
                Optional.empty()), """
                {"type":"location","location":{"latitude":37.4843,"longitude":-122.1482,
                 "name":"Lucky Shrub","address":"1 Hacker Way"}}""");
    }

    @Test
    void rendersContactCards() {
        assertRendered(new Contacts(List.of(new SharedContact("Barbara Johnson", List.of("+14155550123"),
                List.of("b@example.com"), Optional.of("Lucky Shrub")))), """
                {"type":"contacts","contacts":[{"name":{"formatted_name":"Barbara Johnson","first_name":"Barbara Johnson"},
                 "phones":[{"phone":"+14155550123"}],"emails":[{"email":"b@example.com"}],
                 "org":{"company":"Lucky Shrub"}}]}""");
    }

    @Test
    void rendersReactionWithoutReplyContext() {
        OutboundMessage message = OutboundMessage.of(Sends.TO, new React("wamid.CUSTOMER1", "\uD83D\uDC4D"))
                .inReplyTo("wamid.CUSTOMER1");

        channel.send(Sends.request(message), graph);

        assertBody("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"16315551181",
                 "type":"reaction","reaction":{"message_id":"wamid.CUSTOMER1","emoji":"\uD83D\uDC4D"}}""");
    }

    @Test
    void rendersReactionRemovalAsEmptyEmoji() {
        assertRendered(new React("wamid.CUSTOMER1", ""), """
                {"type":"reaction","reaction":{"message_id":"wamid.CUSTOMER1","emoji":""}}""");
    }

    private void assertRendered(OutboundContent content, String typeAndContent) {
        channel.send(Sends.request(content), graph);
        String envelope = "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"16315551181\",";
        assertBody(envelope + typeAndContent.strip().substring(1));
    }

    private void assertBody(String expected) {
        GraphStub.assertLastSent(wm, expected);
    }
}
