package dev.conversa.messenger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.conversa.messenger.GraphStub.PAGE;
import static dev.conversa.messenger.GraphStub.PSID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.channel.SendRequest;
import dev.conversa.channel.SendResult;
import dev.conversa.graph.GraphApiException;
import dev.conversa.graph.GraphClient;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.Media;
import dev.conversa.model.MediaKind;
import dev.conversa.model.OutboundContent;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.Typing;
import dev.conversa.testsupport.LoopbackWireMock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MessengerSendTest {

    @RegisterExtension
    static LoopbackWireMock wm = new LoopbackWireMock();

    private static final String MESSAGES = "/v23.0/" + GraphStub.PAGE_ID + "/messages";
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final ConversationKey TO = new ConversationKey(ChannelType.MESSENGER, GraphStub.PAGE_ID, PSID);

    private final MessengerChannel channel = MessengerChannel.create();
    private final GraphClient graph = GraphStub.client(wm);

    private static SendRequest recent(OutboundContent content) {
        return new SendRequest(PAGE, OutboundMessage.of(TO, content), Optional.of(NOW.minus(Duration.ofHours(1))), NOW);
    }

    @Test
    void postsTextToThePageWithThePageTokenAndReturnsTheMessageId() {
        // given
        wm.stubFor(post(MESSAGES).willReturn(okJson("{\"recipient_id\":\"" + PSID + "\",\"message_id\":\"m_sent_1\"}")));

        // when
        SendResult result = channel.send(recent(new dev.conversa.model.Text("Hello")), graph);

        // then
        assertThat(result).isEqualTo(SendResult.sent("m_sent_1"));
        wm.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES))
                .withHeader("Authorization", equalTo("Bearer " + GraphStub.TOKEN))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("{\"recipient\":{\"id\":\"" + PSID + "\"},"
                        + "\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"Hello\",\"metadata\":\"conversa\"}}")));
    }

    @Test
    void sendsTheCaptionAfterTheAttachmentAndReturnsTheAttachmentsId() {
        // given
        wm.stubFor(post(MESSAGES).withRequestBody(containing("attachment"))
                .willReturn(okJson("{\"recipient_id\":\"" + PSID + "\",\"message_id\":\"m_image\"}")));
        wm.stubFor(post(MESSAGES).withRequestBody(containing("\"text\""))
                .willReturn(okJson("{\"recipient_id\":\"" + PSID + "\",\"message_id\":\"m_caption\"}")));
        Media image = Media.byUrl(MediaKind.IMAGE, "https://cdn.example.com/a.png").withCaption("Our store");

        // when
        SendResult result = channel.send(recent(image), graph);

        // then
        assertThat(result.messageId()).contains("m_image");
        assertThat(result.messageIds()).containsExactly("m_image", "m_caption");
        assertThat(wm.getAllServeEvents()).hasSize(2);
    }

    @Test
    void sendsTypingAsASenderActionWithoutMessageId() {
        wm.stubFor(post(MESSAGES).willReturn(okJson("{\"recipient_id\":\"" + PSID + "\"}")));

        SendResult result = channel.send(recent(new Typing(true, Optional.empty())), graph);

        assertThat(result).isEqualTo(SendResult.marker());
        wm.verify(postRequestedFor(urlPathEqualTo(MESSAGES)).withRequestBody(equalToJson(
                "{\"recipient\":{\"id\":\"" + PSID + "\"},\"sender_action\":\"typing_on\"}")));
    }

    @Test
    void letsMetasWindowErrorThroughWithCodeAndSubcode() {
        wm.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody(GraphStub.graphError(10, 2018278, "(#10) This message is sent outside of allowed window."))));

        assertThatThrownBy(() -> channel.send(recent(new dev.conversa.model.Text("Hello")), graph))
                .isInstanceOfSatisfying(GraphApiException.class, e -> {
                    assertThat(e.code()).hasValue(10);
                    assertThat(e.subcode()).hasValue(2018278);
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage()).doesNotContain(GraphStub.TOKEN);
                });
    }

    @Test
    void uploadsAnAttachmentFromAUrlForReuse() {
        // given
        wm.stubFor(post("/v23.0/" + GraphStub.PAGE_ID + "/message_attachments")
                .willReturn(okJson("{\"attachment_id\":\"1857777774821032\"}")));

        // when
        String id = channel.uploadAttachment(PAGE, Media.byUrl(MediaKind.VIDEO, "https://cdn.example.com/v.mp4"), graph);

        // then
        assertThat(id).isEqualTo("1857777774821032");
        wm.verify(postRequestedFor(urlPathEqualTo("/v23.0/" + GraphStub.PAGE_ID + "/message_attachments"))
                .withRequestBody(equalToJson("{\"message\":{\"attachment\":{\"type\":\"video\",\"payload\":{"
                        + "\"url\":\"https://cdn.example.com/v.mp4\",\"is_reusable\":true}}}}")));
    }

    @Test
    void uploadsAttachmentBytesAsMultipart() {
        // given
        wm.stubFor(post("/v23.0/" + GraphStub.PAGE_ID + "/message_attachments")
                .willReturn(okJson("{\"attachment_id\":\"42\"}")));
        Media pdf = Media.byUrl(MediaKind.DOCUMENT, "https://unused.example.com").withFilename("invoice.pdf");

        // when
        String id = channel.uploadAttachment(PAGE, pdf, "%PDF-1.7".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                graph);

        // then
        assertThat(id).isEqualTo("42");
        wm.verify(postRequestedFor(urlPathEqualTo("/v23.0/" + GraphStub.PAGE_ID + "/message_attachments"))
                .withHeader("Content-Type", containing("multipart/form-data"))
                .withRequestBody(containing("name=\"filedata\"; filename=\"invoice.pdf\""))
                .withRequestBody(containing("{\"attachment\":{\"type\":\"file\",\"payload\":{\"is_reusable\":true}}}"))
                .withRequestBody(containing("%PDF-1.7")));
    }

    @Test
    void declaresMessengerCapabilities() {
        assertThat(channel.capabilities().maxTextLength()).isEqualTo(2000);
        assertThat(channel.capabilities().maxQuickReplies()).isEqualTo(13);
        assertThat(channel.capabilities().replyWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(channel.capabilities().humanAgentWindow()).contains(Duration.ofDays(7));
        assertThat(channel.capabilities().templates()).isFalse();
        assertThat(channel.webhookObject()).isEqualTo("page");
        assertThat(channel.type()).isEqualTo(ChannelType.MESSENGER);
    }

    @Test
    void neverRetriesACaptionThatFailedAfterItsAttachmentWasSent() {
        // given
        wm.stubFor(post(MESSAGES).withRequestBody(containing("attachment"))
                .willReturn(okJson("{\"recipient_id\":\"" + PSID + "\",\"message_id\":\"m_image\"}")));
        wm.stubFor(post(MESSAGES).withRequestBody(containing("\"text\"")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody(GraphStub.graphError(2, null, "Temporary service error"))));
        Media image = Media.byUrl(MediaKind.IMAGE, "https://cdn.example.com/a.png").withCaption("Our store");

        // when, then
        assertThatThrownBy(() -> channel.send(recent(image), graph))
                .isInstanceOfSatisfying(GraphApiException.class, e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.isOutcomeUnknown()).isTrue();
                    assertThat(e.code()).hasValue(2);
                    assertThat(e.getMessage()).startsWith("request 2 of 2 failed after the earlier ones were sent");
                });
        assertThat(wm.getAllServeEvents()).hasSize(2);
    }

    @Test
    void aCaptionRefusedForGoodAfterItsAttachmentWasSentLeavesTheOutcomeUnknown() {
        // given: the image went out; the caption is refused with a definite error
        wm.stubFor(post(MESSAGES).withRequestBody(containing("attachment"))
                .willReturn(okJson("{\"recipient_id\":\"" + PSID + "\",\"message_id\":\"m_image\"}")));
        wm.stubFor(post(MESSAGES).withRequestBody(containing("\"text\"")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(GraphStub.graphError(100, null, "(#100) Invalid parameter"))));
        Media image = Media.byUrl(MediaKind.IMAGE, "https://cdn.example.com/a.png").withCaption("Our store");

        // when, then: the customer has the image, so the message is neither failed nor to be resent
        assertThatThrownBy(() -> channel.send(recent(image), graph))
                .isInstanceOfSatisfying(GraphApiException.class, e -> {
                    assertThat(e.isOutcomeUnknown()).isTrue();
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.code()).hasValue(100);
                });
    }

    @Test
    void aMessageAcceptedWithoutItsIdHasAnUnknownOutcome() {
        wm.stubFor(post(MESSAGES).willReturn(okJson("{\"recipient_id\":\"" + PSID + "\"}")));

        assertThatThrownBy(() -> channel.send(recent(new dev.conversa.model.Text("Hello")), graph))
                .isInstanceOfSatisfying(GraphApiException.class, e -> {
                    assertThat(e.isOutcomeUnknown()).isTrue();
                    assertThat(e.isRetryable()).isFalse();
                });
        assertThat(wm.getAllServeEvents()).hasSize(1);
    }
}
