package dev.conversa.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import dev.conversa.testsupport.LoopbackWireMock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Disconnecting a phone number unsubscribes the app from its WhatsApp Business Account. */
class WhatsAppUnsubscribeTest {

    @RegisterExtension
    static LoopbackWireMock wm = new LoopbackWireMock();

    private static final String WABA = "102290129340398";

    private final WhatsAppChannel channel = WhatsAppChannel.create();

    private static ChannelAccount number(Map<String, String> settings) {
        return new ChannelAccount(TenantId.of("acme"), ChannelType.WHATSAPP, Sends.NUMBER, Secret.of("system-token"),
                settings);
    }

    @Test
    void unsubscribesTheBusinessAccountWithTheToken() {
        wm.stubFor(delete(urlPathEqualTo("/v23.0/" + WABA + "/subscribed_apps")).willReturn(okJson("{\"success\":true}")));
        ChannelAccount account = number(Map.of(WhatsAppChannel.BUSINESS_ACCOUNT_ID_SETTING, WABA));

        channel.unsubscribe(account, GraphStub.client(wm));

        wm.verify(1, deleteRequestedFor(urlPathEqualTo("/v23.0/" + WABA + "/subscribed_apps"))
                .withHeader("Authorization", equalTo("Bearer system-token")));
        assertThat(channel.subscription(account)).contains(WABA);
    }

    @Test
    void makesNoCallWithoutTheBusinessAccountSetting() {
        channel.unsubscribe(number(Map.of()), GraphStub.client(wm));

        wm.verify(0, anyRequestedFor(anyUrl()));
        assertThat(channel.subscription(number(Map.of()))).isEmpty();
    }
}
