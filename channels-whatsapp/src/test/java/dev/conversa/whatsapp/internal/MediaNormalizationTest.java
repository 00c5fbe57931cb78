package dev.conversa.whatsapp.internal;

import static dev.conversa.whatsapp.internal.Fixtures.KERRY;
import static dev.conversa.whatsapp.internal.Fixtures.header;
import static dev.conversa.whatsapp.internal.Fixtures.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.InboundMessage;
import dev.conversa.model.Media;
import dev.conversa.model.MediaKind;
import dev.conversa.model.MessageContext;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MediaNormalizationTest {

    @Test
    void readsForwardedImageWithCaptionAndUrl() {
        assertThat(single("image")).isEqualTo(new InboundMessage(
                header("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTg2OTI0OEM2QUNCQzE1NEIwNgA=", 1749416700),
                new Media(MediaKind.IMAGE, Optional.of("1003383421387256"),
                        Optional.of("https://lookaside.fbsbx.com/whatsapp_business/attachments/"
                                + "?mid=1003383421387256&ext=1749416700&hash=ATsa"),
                        Optional.of("image/jpeg"), Optional.of("the stain on the sleeve"), Optional.empty(),
                        Optional.of("u8Ke2v0cBJ6aWhhwbq3Mb2x9XGU1Ha2ZKfFKXsq2Wmo="), false),
                new MessageContext(Optional.empty(), true, false, Optional.empty()), KERRY));
    }

    @Test
    void readsAudioFileAsAudio() {
        assertThat(single("audio_file")).isEqualTo(message("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTE4OTI5MDZBQjQ4NkYwRUY2QQA=",
                1749416800, new Media(MediaKind.AUDIO, Optional.of("2244000135551234"), Optional.empty(),
                        Optional.of("audio/mpeg"), Optional.empty(), Optional.empty(),
                        Optional.of("Qm9vb3JlcXVlc3RlZGhhc2hvZmF1ZGlvZmlsZQ=="), false)));
    }

    @Test
    void readsVoiceNoteAsVoice() {
        assertThat(single("voice")).isEqualTo(message("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTZENjZBQjE5RDQ0QzA5OTNDMAA=",
                1749416810, new Media(MediaKind.VOICE, Optional.of("1788221334455667"), Optional.empty(),
                        Optional.of("audio/ogg; codecs=opus"), Optional.empty(), Optional.empty(),
                        Optional.of("dm9pY2Vub3RlaGFzaA=="), false)));
    }

    @Test
    void readsVideoWithCaption() {
        assertThat(single("video")).isEqualTo(message("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTk2QjM0QzkwN0E1MjVGMTE4RgA=",
                1749416900, new Media(MediaKind.VIDEO, Optional.of("1566778899001122"), Optional.empty(),
                        Optional.of("video/mp4"), Optional.of("unboxing"), Optional.empty(), Optional.of("dmlkZW9oYXNo"),
                        false)));
    }

    @Test
    void readsDocumentWithFilename() {
        assertThat(single("document")).isEqualTo(message("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTJCRUY5NTlENjE0RkE0MTgzMQA=",
                1749417000, new Media(MediaKind.DOCUMENT, Optional.of("1299887766554433"), Optional.empty(),
                        Optional.of("application/pdf"), Optional.of("my receipt"), Optional.of("receipt-0042.pdf"),
                        Optional.of("ZG9jaGFzaA=="), false)));
    }

    @Test
    void readsStaticSticker() {
        assertThat(single("sticker_static")).isEqualTo(message("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTQ0NzRBMjBGODQ3NkU2QzVBMgA=",
                1749417100, new Media(MediaKind.STICKER, Optional.of("1455667788990011"), Optional.empty(),
                        Optional.of("image/webp"), Optional.empty(), Optional.empty(), Optional.of("c3RpY2tlcg=="), false)));
    }

    @Test
    void readsAnimatedSticker() {
        assertThat(single("sticker_animated")).isEqualTo(message("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTlFOTg2ODkzQUE0OEQyNzlCRQA=",
                1749417110, new Media(MediaKind.STICKER, Optional.of("1455667788990022"), Optional.empty(),
                        Optional.of("image/webp"), Optional.empty(), Optional.empty(), Optional.of("YW5pbWF0ZWQ="), true)));
    }

    private static InboundMessage message(String id, long seconds, Media media) {
        return new InboundMessage(header(id, seconds), media, MessageContext.NONE, KERRY);
    }
}
