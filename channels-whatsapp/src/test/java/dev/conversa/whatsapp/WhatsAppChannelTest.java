package dev.conversa.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.SendRequest;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import dev.conversa.testsupport.LoopbackWireMock;
import dev.conversa.testsupport.WebhookPayloads;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WhatsAppChannelTest {

    @RegisterExtension
    static LoopbackWireMock wm = new LoopbackWireMock();

    private final WhatsAppChannel channel = WhatsAppChannel.create();

    @Test
    void servesWhatsAppBusinessAccountWebhooks() {
        assertThat(channel.type()).isEqualTo(ChannelType.WHATSAPP);
        assertThat(channel.webhookObject()).isEqualTo("whatsapp_business_account");
    }

    @Test
    void declaresTheTwentyFourHourWindowWithoutHumanAgentExtension() {
        ChannelCapabilities capabilities = channel.capabilities();

        assertThat(capabilities.replyWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(capabilities.humanAgentWindow()).isEmpty();
        assertThat(capabilities.formatting()).isEqualTo("*bold* _italic_ ~strike~ ```mono```");
        assertThat(capabilities.maxTextLength()).isEqualTo(4096);
        assertThat(capabilities.maxButtons()).isEqualTo(3);
        assertThat(capabilities.maxButtonTitleLength()).isEqualTo(20);
        assertThat(capabilities.maxListRows()).isEqualTo(10);
        assertThat(capabilities.templates()).isTrue();
        assertThat(capabilities.typingIndicator()).isTrue();
    }

    @Test
    void normalizesTheParsedWebhookPayload() {
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                 "metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
                 "messages":[{"from":"16315551181","id":"wamid.A","timestamp":"1749416383","type":"text",
                 "text":{"body":"hi"}}]}}]}]}""";
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);

        var events = channel.normalize(WebhookPayloads.of(raw));

        assertThat(events).singleElement().isInstanceOfSatisfying(InboundMessage.class,
                message -> assertThat(message.content()).isEqualTo(new Text("hi")));
    }

    @Test
    void refusesToSendForAnAccountOfAnotherChannel() {
        ChannelAccount page = ChannelAccount.of(TenantId.of("acme"), ChannelType.MESSENGER, "123", Sends.TOKEN);
        SendRequest request = new SendRequest(page, OutboundMessage.text(Sends.TO, "hi"), Optional.of(Sends.NOW), Sends.NOW);

        assertThatThrownBy(() -> channel.send(request, GraphStub.client(wm))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a WhatsApp account");
        assertThat(GraphStub.requests(wm)).isEmpty();
    }

    @Test
    void refusesToSendAConversationOfAnotherBusinessNumber() {
        ConversationKey elsewhere = new ConversationKey(ChannelType.WHATSAPP, "999", Sends.CUSTOMER);
        SendRequest request = new SendRequest(Sends.ACCOUNT, OutboundMessage.text(elsewhere, "hi"),
                Optional.of(Sends.NOW), Sends.NOW);

        assertThatThrownBy(() -> channel.send(request, GraphStub.client(wm))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("business number 999");
        assertThat(GraphStub.requests(wm)).isEmpty();
    }
}
