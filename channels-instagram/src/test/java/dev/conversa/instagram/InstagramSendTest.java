package dev.conversa.instagram;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.channel.SendRequest;
import dev.conversa.channel.SendResult;
import dev.conversa.graph.GraphClient;
import dev.conversa.lang.Secret;
import dev.conversa.model.Buttons;
import dev.conversa.model.CallToAction;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Choice;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.Media;
import dev.conversa.model.MediaKind;
import dev.conversa.model.OutboundContent;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.React;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import dev.conversa.testsupport.LoopbackWireMock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InstagramSendTest {

    @RegisterExtension
    static LoopbackWireMock facebook = new LoopbackWireMock();

    @RegisterExtension
    static LoopbackWireMock instagram = new LoopbackWireMock();

    private static final String IG_ID = Fixtures.IG_ID;
    private static final String IGSID = Fixtures.IGSID;
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final ConversationKey TO = new ConversationKey(ChannelType.INSTAGRAM, IG_ID, IGSID);

    private final InstagramChannel channel = InstagramChannel.builder().loginBaseUrl(instagram.baseUri()).build();
    private final GraphClient graph = GraphClient.builder()
            .baseUrl(facebook.baseUri()).apiVersion("v23.0").maxAttempts(1).build();

    private static ChannelAccount account(Map<String, String> settings) {
        return new ChannelAccount(TenantId.of("acme"), ChannelType.INSTAGRAM, IG_ID, Secret.of("ig-token"), settings);
    }

    private static SendRequest recent(ChannelAccount account, OutboundContent content) {
        return new SendRequest(account, OutboundMessage.of(TO, content), Optional.of(NOW.minus(Duration.ofHours(2))),
                NOW);
    }

    private static String text(String body) {
        return "{\"recipient\":{\"id\":\"" + IGSID + "\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\""
                + body + "\"}}";
    }

    @Test
    void sendsThroughTheLinkedPageOnTheFacebookHost() {
        // given
        facebook.stubFor(post("/v23.0/106372929211384/messages")
                .willReturn(okJson("{\"recipient_id\":\"" + IGSID + "\",\"message_id\":\"aWdfb3V0MQ\"}")));
        ChannelAccount viaPage = account(Map.of(InstagramChannel.PAGE_ID_SETTING, "106372929211384"));

        // when
        SendResult result = channel.send(recent(viaPage, new Text("Hi there")), graph);

        // then
        assertThat(result).isEqualTo(SendResult.sent("aWdfb3V0MQ"));
        facebook.verify(postRequestedFor(urlPathEqualTo("/v23.0/106372929211384/messages"))
                .withHeader("Authorization", equalTo("Bearer ig-token"))
                .withRequestBody(equalToJson(text("Hi there"))));
        instagram.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void sendsToMeMessagesWhenThePageIdIsNotKnown() {
        facebook.stubFor(post("/v23.0/me/messages").willReturn(okJson("{\"message_id\":\"aWdfb3V0Mg\"}")));

        SendResult result = channel.send(recent(account(Map.of()), new Text("Hi")), graph);

        assertThat(result.messageId()).contains("aWdfb3V0Mg");
    }

    @Test
    void sendsWithInstagramLoginOnTheInstagramHostAsTheInstagramAccount() {
        // given
        instagram.stubFor(post("/v23.0/" + IG_ID + "/messages")
                .willReturn(okJson("{\"recipient_id\":\"" + IGSID + "\",\"message_id\":\"aWdfb3V0Mw\"}")));
        ChannelAccount login = account(Map.of(InstagramChannel.LOGIN_SETTING, "true"));

        // when
        SendResult result = channel.send(recent(login, new Text("Hello")), graph);

        // then
        assertThat(result.messageId()).contains("aWdfb3V0Mw");
        instagram.verify(postRequestedFor(urlPathEqualTo("/v23.0/" + IG_ID + "/messages"))
                .withHeader("Authorization", equalTo("Bearer ig-token"))
                .withRequestBody(equalToJson(text("Hello"))));
        facebook.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesTextLongerThan1000CharactersBeforeAnyRequest() {
        assertThatThrownBy(() -> channel.send(recent(account(Map.of()), new Text("y".repeat(1001))), graph))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Instagram allows at most 1000 characters in a text message; this one has 1001");
        facebook.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesFilesBeforeAnyRequest() {
        Media pdf = Media.byUrl(MediaKind.DOCUMENT, "https://cdn.example.com/invoice.pdf");

        assertThatThrownBy(() -> channel.send(recent(account(Map.of()), pdf), graph))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Instagram cannot send media of kind DOCUMENT");
        facebook.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void degradesButtonsToQuickReplies() {
        facebook.stubFor(post("/v23.0/me/messages").willReturn(okJson("{\"message_id\":\"m\"}")));
        Buttons buttons = new Buttons("Track or return?", List.of(new Choice("TRACK", "Track"), new Choice("RET", "Return")));

        channel.send(recent(account(Map.of()), buttons), graph);

        facebook.verify(postRequestedFor(urlPathEqualTo("/v23.0/me/messages")).withRequestBody(equalToJson(
                "{\"recipient\":{\"id\":\"" + IGSID + "\"},\"messaging_type\":\"RESPONSE\",\"message\":{"
                        + "\"text\":\"Track or return?\",\"quick_replies\":["
                        + "{\"content_type\":\"text\",\"title\":\"Track\",\"payload\":\"TRACK\"},"
                        + "{\"content_type\":\"text\",\"title\":\"Return\",\"payload\":\"RET\"}]}}")));
    }

    @Test
    void degradesCallToActionToTextWithTheUrl() {
        facebook.stubFor(post("/v23.0/me/messages").willReturn(okJson("{\"message_id\":\"m\"}")));

        channel.send(recent(account(Map.of()), new CallToAction("Your order", "Open", "https://shop.example.com/1")),
                graph);

        facebook.verify(postRequestedFor(urlPathEqualTo("/v23.0/me/messages"))
                .withRequestBody(equalToJson(text("Your order\\n\\nOpen: https://shop.example.com/1"))));
    }

    @Test
    void declaresInstagramCapabilities() {
        assertThat(channel.capabilities().maxTextLength()).isEqualTo(1000);
        assertThat(channel.capabilities().media()).doesNotContain(MediaKind.DOCUMENT, MediaKind.STICKER);
        assertThat(channel.capabilities().humanAgentWindow()).contains(Duration.ofDays(7));
        assertThat(channel.webhookObject()).isEqualTo("instagram");
        assertThat(channel.type()).isEqualTo(ChannelType.INSTAGRAM);
    }

    @Test
    void reactsWithAHeartAsASenderAction() {
        facebook.stubFor(post("/v23.0/me/messages").willReturn(okJson("{\"recipient_id\":\"" + IGSID + "\"}")));

        SendResult result = channel.send(recent(account(Map.of()), new React("aWdfaW4x", "\u2764\uFE0F")), graph);

        assertThat(result).isEqualTo(SendResult.marker());
        facebook.verify(postRequestedFor(urlPathEqualTo("/v23.0/me/messages")).withRequestBody(equalToJson(
                "{\"recipient\":{\"id\":\"" + IGSID + "\"},\"sender_action\":\"react\","
                        + "\"payload\":{\"message_id\":\"aWdfaW4x\",\"reaction\":\"love\"}}")));
    }

    @Test
    void removesAReactionWithAnEmptyEmoji() {
        facebook.stubFor(post("/v23.0/me/messages").willReturn(okJson("{\"recipient_id\":\"" + IGSID + "\"}")));

        channel.send(recent(account(Map.of()), new React("aWdfaW4x", "")), graph);

        facebook.verify(postRequestedFor(urlPathEqualTo("/v23.0/me/messages")).withRequestBody(equalToJson(
                "{\"recipient\":{\"id\":\"" + IGSID + "\"},\"sender_action\":\"unreact\","
                        + "\"payload\":{\"message_id\":\"aWdfaW4x\"}}")));
    }

    @Test
    void refusesAReactionOtherThanAHeartBeforeAnyRequest() {
        assertThatThrownBy(() -> channel.send(recent(account(Map.of()), new React("aWdfaW4x", "\uD83D\uDC4D")), graph))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Instagram reacts only with a heart (love)");
        facebook.verify(0, anyRequestedFor(anyUrl()));
    }
}
