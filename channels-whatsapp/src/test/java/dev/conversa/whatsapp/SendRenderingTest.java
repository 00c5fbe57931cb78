package dev.conversa.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.SendResult;
import dev.conversa.model.Author;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Contacts;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.Location;
import dev.conversa.model.Media;
import dev.conversa.model.MediaKind;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.React;
import dev.conversa.model.SharedContact;
import dev.conversa.model.Text;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SendRenderingTest {

    @RegisterExtension
    static SendHarness whatsapp = new SendHarness();

    @Test
    void postsToTheVersionedMessagesPathOfThePhoneNumberWithTheBearerToken() {
        whatsapp.send(new Text("hi"));

        assertThat(whatsapp.requests()).singleElement().satisfies(request -> {
            assertThat(request.getMethod().getName()).isEqualTo("POST");
            assertThat(request.getUrl()).isEqualTo("/v23.0/106540352242922/messages");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer EAAG-test-token");
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        });
    }

    @Test
    void returnsTheWamidOfTheSentMessage() {
        SendResult result = whatsapp.send(new Text("hi"));

        assertThat(result.messageId()).contains(GraphStub.SENT_ID);
    }

    @Test
    void rendersTextWithLinkPreviewAndReplyContext() {
        OutboundMessage message = new OutboundMessage(Sends.TO, new Text("See https://example.com/size-guide"),
                Optional.of("wamid.CUSTOMER1"), Author.BOT, true);

        whatsapp.send(Sends.request(message));

        whatsapp.assertLastSent("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"16315551181",
                 "context":{"message_id":"wamid.CUSTOMER1"},
                 "type":"text","text":{"preview_url":true,"body":"See https://example.com/size-guide"}}""");
    }

    @Test
    void addressesCustomerWithoutPhoneNumberByBusinessScopedUserId() {
        ConversationKey to = new ConversationKey(ChannelType.WHATSAPP, Sends.NUMBER, "US.13491208655302741918");

        whatsapp.send(Sends.request(OutboundMessage.text(to, "hi")));

        whatsapp.assertLastSent("""
                {"messaging_product":"whatsapp","recipient_type":"individual","recipient":"US.13491208655302741918",
                 "type":"text","text":{"preview_url":false,"body":"hi"}}""");
    }

    @Test
    void rendersTextWithoutPreviewByDefault() {
        whatsapp.assertRendered(new Text("Hello"), """
                {"type":"text","text":{"preview_url":false,"body":"Hello"}}""");
    }

    @Test
    void rendersImageByMediaIdWithCaption() {
        whatsapp.assertRendered(Media.byId(MediaKind.IMAGE, "1003383421387256").withCaption("your receipt"), """
                {"type":"image","image":{"id":"1003383421387256","caption":"your receipt"}}""");
    }

    @Test
    void rendersDocumentByLinkWithCaptionAndFilename() {
        whatsapp.assertRendered(Media.byUrl(MediaKind.DOCUMENT, "https://files.example.com/invoice.pdf")
                .withCaption("Invoice").withFilename("invoice-42.pdf"), """
                {"type":"document","document":{"link":"https://files.example.com/invoice.pdf",
                 "caption":"Invoice","filename":"invoice-42.pdf"}}""");
    }

    @Test
    void rendersVoiceNoteAsAudio() {
        whatsapp.assertRendered(Media.byId(MediaKind.VOICE, "1788221334455667"), """
                {"type":"audio","audio":{"id":"1788221334455667"}}""");
    }

    @Test
    void rendersVideoByLink() {
        whatsapp.assertRendered(Media.byUrl(MediaKind.VIDEO, "https://cdn.example.com/demo.mp4").withCaption("demo"), """
                {"type":"video","video":{"link":"https://cdn.example.com/demo.mp4","caption":"demo"}}""");
    }

    @Test
    void rendersStickerById() {
        whatsapp.assertRendered(Media.byId(MediaKind.STICKER, "1455667788990011"), """
                {"type":"sticker","sticker":{"id":"1455667788990011"}}""");
    }

    @Test
    void rendersLocationWithNameAndAddress() {
        whatsapp.assertRendered(new Location(37.4843, -122.1482, Optional.of("Lucky Shrub"), Optional.of("1 Hacker Way"),
                Optional.empty()), """
                {"type":"location","location":{"latitude":37.4843,"longitude":-122.1482,
                 "name":"Lucky Shrub","address":"1 Hacker Way"}}""");
    }

    @Test
    void rendersContactCards() {
        whatsapp.assertRendered(new Contacts(List.of(new SharedContact("Barbara Johnson", List.of("+14155550123"),
                List.of("b@example.com"), Optional.of("Lucky Shrub")))), """
                {"type":"contacts","contacts":[{"name":{"formatted_name":"Barbara Johnson","first_name":"Barbara Johnson"},
                 "phones":[{"phone":"+14155550123"}],"emails":[{"email":"b@example.com"}],
                 "org":{"company":"Lucky Shrub"}}]}""");
    }

    @Test
    void rendersReactionWithoutReplyContext() {
        OutboundMessage message = OutboundMessage.of(Sends.TO, new React("wamid.CUSTOMER1", "\uD83D\uDC4D"))
                .inReplyTo("wamid.CUSTOMER1");

        whatsapp.send(Sends.request(message));

        whatsapp.assertLastSent("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"16315551181",
                 "type":"reaction","reaction":{"message_id":"wamid.CUSTOMER1","emoji":"\uD83D\uDC4D"}}""");
    }

    @Test
    void rendersReactionRemovalAsEmptyEmoji() {
        whatsapp.assertRendered(new React("wamid.CUSTOMER1", ""), """
                {"type":"reaction","reaction":{"message_id":"wamid.CUSTOMER1","emoji":""}}""");
    }
}
