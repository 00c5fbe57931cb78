package dev.conversa.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.MessageTemplate;
import dev.conversa.model.TenantId;
import dev.conversa.testsupport.LoopbackWireMock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The template list of a WhatsApp Business Account, {@code GET /{waba-id}/message_templates}, every page. */
class TemplateCatalogueTest {

    @RegisterExtension
    static LoopbackWireMock wm = new LoopbackWireMock();

    private static final String WABA = "102290129340398";
    private static final String PATH = "/v23.0/" + WABA + "/message_templates";

    private final WhatsAppChannel channel = WhatsAppChannel.create();
    private final ChannelAccount number = ChannelAccount.of(TenantId.of("acme"), ChannelType.WHATSAPP, Sends.NUMBER,
            Secret.of("system-token")).withBusinessAccountId(WABA);

    @Test
    void readsEveryPageWithNameLanguageStatusCategoryAndBodyParameters() {
        wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("after", absent()).willReturn(okJson("""
                {"data":[{"id":"11","name":"order_ready","language":"en_US","status":"APPROVED","category":"UTILITY",
                  "components":[{"type":"HEADER","format":"TEXT","text":"Order {{1}}"},
                                {"type":"BODY","text":"Order {{1}} is ready at {{2}}; bring {{1}}."},
                                {"type":"BUTTONS","buttons":[{"type":"URL","url":"https://x/{{1}}"}]}]}],
                 "paging":{"cursors":{"before":"A","after":"CURSOR2"},"next":"https://graph.facebook.com/next"}}""")));
        wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("after", equalTo("CURSOR2")).willReturn(okJson("""
                {"data":[{"id":"12","name":"reservation","language":"es","status":"PAUSED","category":"MARKETING",
                  "parameter_format":"NAMED",
                  "components":[{"type":"BODY","text":"Mesa para {{guests}} el {{ day }}."}]},
                 {"name":"broken"}],
                 "paging":{"cursors":{"before":"B","after":"CURSOR3"}}}""")));

        List<MessageTemplate> templates = channel.templates(number, GraphStub.client(wm));

        assertThat(templates).containsExactly(
                new MessageTemplate("order_ready", "en_US", "APPROVED", Optional.of("UTILITY"), Optional.of(2),
                        Optional.of("11")),
                new MessageTemplate("reservation", "es", "PAUSED", Optional.of("MARKETING"), Optional.of(2),
                        Optional.of("12")));
        wm.verify(2, getRequestedFor(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer system-token"))
                .withQueryParam("limit", equalTo("100"))
                .withQueryParam("fields", equalTo("id,name,language,status,category,components")));
    }

    @Test
    void anAccountWithoutItsBusinessAccountMakesNoRequest() {
        ChannelAccount bare = ChannelAccount.of(TenantId.of("acme"), ChannelType.WHATSAPP, Sends.NUMBER,
                Secret.of("system-token"));

        assertThatThrownBy(() -> channel.templates(bare, GraphStub.client(wm)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no WhatsApp Business Account");
        wm.verify(0, anyRequestedFor(anyUrl()));
    }
}
