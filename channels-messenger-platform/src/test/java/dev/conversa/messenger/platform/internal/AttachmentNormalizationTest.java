package dev.conversa.messenger.platform.internal;

import static dev.conversa.messenger.platform.internal.Fixtures.events;
import static dev.conversa.messenger.platform.internal.Fixtures.header;
import static dev.conversa.messenger.platform.internal.Fixtures.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.conversa.model.InboundMessage;
import dev.conversa.model.Location;
import dev.conversa.model.Media;
import dev.conversa.model.MediaKind;
import dev.conversa.model.MessageContent;
import dev.conversa.model.MessageContext;
import dev.conversa.model.ProductShare;
import dev.conversa.model.SenderProfile;
import dev.conversa.model.Share;
import dev.conversa.model.TemplateAttachment;
import dev.conversa.model.Text;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttachmentNormalizationTest {

    private static InboundMessage message(String id, MessageContent content) {
        return new InboundMessage(header(id), content, MessageContext.NONE, SenderProfile.UNKNOWN);
    }

    @Test
    void readsImageByUrl() {
        assertThat(single("image")).isEqualTo(message("m_att_image",
                Media.byUrl(MediaKind.IMAGE, "https://scontent.xx.fbcdn.net/v/t1.15752-9/image.jpg?x=1")));
    }

    @Test
    void readsAudioByUrl() {
        assertThat(single("audio")).isEqualTo(message("m_att_audio",
                Media.byUrl(MediaKind.AUDIO, "https://cdn.fbsbx.com/v/t59.3654-21/audio.mp4")));
    }

    @Test
    void readsVideoByUrl() {
        assertThat(single("video")).isEqualTo(message("m_att_video",
                Media.byUrl(MediaKind.VIDEO, "https://video.xx.fbcdn.net/v/t42.3356-2/video.mp4")));
    }

    @Test
    void readsFileAsDocument() {
        assertThat(single("file")).isEqualTo(message("m_att_file",
                Media.byUrl(MediaKind.DOCUMENT, "https://cdn.fbsbx.com/v/t59.2708-21/invoice.pdf")));
    }

    @Test
    void readsImageWithStickerIdAsSticker() {
        assertThat(single("sticker")).isEqualTo(message("m_att_image", new Media(MediaKind.STICKER,
                Optional.of("369239263222822"), Optional.of("https://scontent.xx.fbcdn.net/v/t39.1997-6/like.png"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false)));
    }

    @Test
    void readsLocationWithCoordinatesTitleAndUrl() {
        assertThat(single("location")).isEqualTo(message("m_att_location", new Location(38.7223, -9.1393,
                Optional.of("Pinned Location"), Optional.empty(),
                Optional.of("https://www.facebook.com/l.php?u=https%3A%2F%2Fwww.bing.com%2Fmaps"))));
    }

    @Test
    void readsFallbackAsShareWithTitleAfterItsText() {
        assertThat(events("fallback")).containsExactly(
                message("m_att_fallback", new Text("https://example.com/catalogue")),
                message("m_att_fallback#1",
                        new Share("fallback", "https://example.com/catalogue", Optional.of("Our catalogue"))));
    }

    @Test
    void readsLegacyFallbackWithLinkAndTitleOnTheAttachmentBesideANullOrOpaquePayload() {
        assertThat(events("fallback_legacy")).containsExactly(
                message("m_att_fallback_legacy",
                        new Share("fallback", "https://example.com/spring", Optional.of("Spring collection"))),
                message("m_att_fallback_legacy#1",
                        new Share("fallback", "https://example.com/hours", Optional.of("Store hours"))));
    }

    @Test
    void readsAProductMessageFromShopsAsAProductShareWithItsIds() {
        assertThat(events("template_product")).containsExactly(
                message("m_att_product", new Text("Is this one still available?")),
                message("m_att_product#1", new ProductShare(List.of(
                        new ProductShare.Product("7305128811112222", Optional.of("JKT-RAIN-M"), Optional.of("Rain jacket"),
                                Optional.of("EUR 89.00"), Optional.of("https://scontent.xx.fbcdn.net/jacket.jpg")),
                        new ProductShare.Product("7305128833334444", Optional.empty(), Optional.of("Wool scarf"),
                                Optional.empty(), Optional.empty())))));
    }

    @Test
    void keepsAGenericTemplateWithItsTypeAndItsElementTitles() {
        TemplateAttachment content = (TemplateAttachment) ((InboundMessage) single("template")).content();

        assertThat(content.templateType()).isEqualTo("generic");
        assertThat(content.summary()).isEqualTo("Shared product");
        assertThat(content.rawJson()).contains("\"template_type\":\"generic\"");
    }

    @Test
    void summarizesAReceiptByItsItemsWithoutTheRecipientsNameAddressOrCard() {
        TemplateAttachment content = (TemplateAttachment) ((InboundMessage) single("template_receipt")).content();

        assertThat(content.templateType()).isEqualTo("receipt");
        assertThat(content.summary()).isEqualTo("Rain jacket");
        assertThat(content.toString()).doesNotContain("Ana", "Augusta", "Rain");
    }

    @Test
    void summarizesAButtonTemplateByItsTextElseByItsButtonsTitles() {
        assertThat(events("template_button")).extracting(event -> (TemplateAttachment) ((InboundMessage) event).content())
                .extracting(TemplateAttachment::templateType, TemplateAttachment::summary)
                .containsExactly(tuple("button", "Track your parcel"), tuple("button", "Returns, Talk to us"));
    }

    @Test
    void splitsSeveralAttachmentsIntoOneMessageEach() {
        assertThat(events("multiple_attachments")).isEqualTo(List.of(
                message("m_multi_1", Media.byUrl(MediaKind.IMAGE, "https://scontent.xx.fbcdn.net/a.jpg")),
                message("m_multi_1#1", Media.byUrl(MediaKind.IMAGE, "https://scontent.xx.fbcdn.net/b.jpg"))));
    }
}
