package dev.conversa.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.graph.GraphApiException;
import dev.conversa.graph.GraphClient;
import dev.conversa.graph.MediaDownload;
import dev.conversa.lang.ConversaException;
import dev.conversa.testsupport.LoopbackWireMock;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MediaTest {

    @RegisterExtension
    static LoopbackWireMock wm = new LoopbackWireMock();

    private static final String MEDIA_ID = "1003383421387256";
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4};

    private final GraphClient graph = GraphStub.client(wm);
    private final WhatsAppMedia media = WhatsAppMedia.builder().graph(graph).maxBytes(1024).build();

    @Test
    void uploadsMultipartToThePhoneNumbersMediaPath() {
        wm.stubFor(post(urlPathEqualTo("/v23.0/" + Sends.NUMBER + "/media")).willReturn(okJson("{\"id\":\"998877\"}")));

        String id = media.upload(Sends.ACCOUNT, JPEG, "image/jpeg", "photo.jpg");

        assertThat(id).isEqualTo("998877");
        wm.verify(postRequestedFor(urlPathEqualTo("/v23.0/" + Sends.NUMBER + "/media"))
                .withHeader("Authorization", equalTo("Bearer " + Sends.TOKEN.reveal()))
                .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing("multipart/form-data"))
                .withRequestBodyPart(aMultipart().withName("messaging_product").withBody(equalTo("whatsapp")).build())
                .withRequestBodyPart(aMultipart().withName("type").withBody(equalTo("image/jpeg")).build())
                .withRequestBodyPart(aMultipart().withName("file").withBody(binaryEqualTo(JPEG)).build()));
    }

    @Test
    void refusesToUploadATypeWhatsAppDoesNotAccept() {
        assertThatThrownBy(() -> media.upload(Sends.ACCOUNT, JPEG, "image/gif", "a.gif"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("image/gif");
        assertThat(GraphStub.requests(wm)).isEmpty();
    }

    @Test
    void refusesToUploadMoreThanTheCap() {
        assertThatThrownBy(() -> media.upload(Sends.ACCOUNT, new byte[1025], "image/jpeg", "big.jpg"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1024");
        assertThat(GraphStub.requests(wm)).isEmpty();
    }

    @Test
    void refusesToUploadAnImageOverWhatsAppsFiveMegabytes() {
        WhatsAppMedia uncapped = WhatsAppMedia.builder().graph(graph).build();

        assertThatThrownBy(() -> uncapped.upload(Sends.ACCOUNT, new byte[5 * 1024 * 1024 + 1], "image/png", "big.png"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5242880 bytes");
        assertThat(GraphStub.requests(wm)).isEmpty();
    }

    @Test
    void downloadsThroughTheUrlTheMediaLookupReturnsWithTheToken() {
        stubLookup(loopback() + "/whatsapp_business/attachments/?mid=1", "image/jpeg", JPEG.length);
        stubBytes("image/jpeg", JPEG);

        MediaDownload download = media.download(Sends.ACCOUNT, MEDIA_ID);

        assertThat(download.bytes()).isEqualTo(JPEG);
        assertThat(download.contentType()).isEqualTo("image/jpeg");
        wm.verify(getRequestedFor(urlPathEqualTo("/v23.0/" + MEDIA_ID))
                .withQueryParam("phone_number_id", equalTo(Sends.NUMBER))
                .withHeader("Authorization", equalTo("Bearer " + Sends.TOKEN.reveal())));
        wm.verify(getRequestedFor(urlPathEqualTo("/whatsapp_business/attachments/"))
                .withHeader("Authorization", equalTo("Bearer " + Sends.TOKEN.reveal())));
    }

    @Test
    void asksForAFreshUrlOnEveryDownload() {
        stubLookup(loopback() + "/whatsapp_business/attachments/?mid=1", "image/jpeg", JPEG.length);
        stubBytes("image/jpeg", JPEG);

        media.download(Sends.ACCOUNT, MEDIA_ID);
        media.download(Sends.ACCOUNT, MEDIA_ID);

        wm.verify(2, getRequestedFor(urlPathEqualTo("/v23.0/" + MEDIA_ID)));
    }

    @Test
    void neverSendsTheTokenToAHostOutsideMetasMediaHosts() {
        stubLookup("https://attacker.example.com/steal", "image/jpeg", JPEG.length);

        assertThatThrownBy(() -> media.download(Sends.ACCOUNT, MEDIA_ID))
                .isInstanceOf(GraphApiException.class)
                .hasMessageContaining("attacker.example.com")
                .hasMessageNotContaining(Sends.TOKEN.reveal());
    }

    @Test
    void refusesMediaDeclaredLargerThanTheCapBeforeDownloading() {
        stubLookup(loopback() + "/whatsapp_business/attachments/?mid=1", "image/jpeg", 4096);
        stubBytes("image/jpeg", JPEG);

        assertThatThrownBy(() -> media.download(Sends.ACCOUNT, MEDIA_ID))
                .isInstanceOf(GraphApiException.class).hasMessageContaining("larger than the cap");
        wm.verify(0, getRequestedFor(urlPathEqualTo("/whatsapp_business/attachments/")));
    }

    @Test
    void stopsADownloadThatGrowsBeyondTheCap() {
        stubLookup(loopback() + "/whatsapp_business/attachments/?mid=1", "image/jpeg", 10);
        stubBytes("image/jpeg", new byte[2048]);

        assertThatThrownBy(() -> media.download(Sends.ACCOUNT, MEDIA_ID)).isInstanceOf(GraphApiException.class);
    }

    @Test
    void refusesADownloadOfADisallowedType() {
        stubLookup(loopback() + "/whatsapp_business/attachments/?mid=1", "image/jpeg", 5);
        stubBytes("text/html", "<html>".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> media.download(Sends.ACCOUNT, MEDIA_ID))
                .isInstanceOf(ConversaException.class).hasMessageContaining("text/html");
    }

    @Test
    void buildNamesTheMissingGraphClient() {
        assertThatThrownBy(() -> WhatsAppMedia.builder().maxBytes(1024).build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("graph is required");
    }

    @Test
    void buildNamesACapThatIsNotPositive() {
        assertThatThrownBy(() -> WhatsAppMedia.builder().graph(graph).maxBytes(0).build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("maxBytes must be positive");
    }

    @Test
    void buildNamesAnEmptySetOfAllowedTypes() {
        assertThatThrownBy(() -> WhatsAppMedia.builder().graph(graph).allowedTypes(Set.of()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("allowedTypes must hold");
    }

    @Test
    void toBuilderKeepsTheGraphClientTheCapAndTheAllowedTypes() {
        // given
        wm.stubFor(post(urlPathEqualTo("/v23.0/" + Sends.NUMBER + "/media")).willReturn(okJson("{\"id\":\"998877\"}")));
        WhatsAppMedia original = WhatsAppMedia.builder().graph(graph).maxBytes(512).allowedTypes(Set.of("image/png"))
                .build();

        // when
        WhatsAppMedia copy = original.toBuilder().build();
        WhatsAppMedia changed = original.toBuilder().maxBytes(2048).build();

        // then
        assertThat(copy.upload(Sends.ACCOUNT, new byte[512], "image/png", "a.png")).isEqualTo("998877");
        assertThatThrownBy(() -> copy.upload(Sends.ACCOUNT, new byte[513], "image/png", "a.png"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 512 bytes");
        assertThatThrownBy(() -> copy.upload(Sends.ACCOUNT, JPEG, "image/jpeg", "a.jpg"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("image/jpeg");
        assertThat(changed.upload(Sends.ACCOUNT, new byte[2048], "image/png", "b.png")).isEqualTo("998877");
        assertThatThrownBy(() -> original.upload(Sends.ACCOUNT, new byte[513], "image/png", "a.png"))
                .isInstanceOf(IllegalArgumentException.class);
        wm.verify(2, postRequestedFor(urlPathEqualTo("/v23.0/" + Sends.NUMBER + "/media")));
    }

    private static String loopback() {
        return wm.baseUri().toString();
    }

    private static void stubLookup(String url, String mimeType, long size) {
        wm.stubFor(get(urlPathEqualTo("/v23.0/" + MEDIA_ID)).willReturn(okJson("{\"messaging_product\":\"whatsapp\","
                + "\"url\":\"" + url + "\",\"mime_type\":\"" + mimeType + "\",\"sha256\":\"abc\",\"file_size\":" + size
                + ",\"id\":\"" + MEDIA_ID + "\"}")));
    }

    private static void stubBytes(String contentType, byte[] bytes) {
        wm.stubFor(get(urlPathEqualTo("/whatsapp_business/attachments/"))
                .willReturn(aResponse().withHeader("Content-Type", contentType).withBody(bytes)));
    }
}
