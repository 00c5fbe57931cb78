package dev.conversa.whatsapp.internal;

import static dev.conversa.whatsapp.internal.Fixtures.KERRY;
import static dev.conversa.whatsapp.internal.Fixtures.header;
import static dev.conversa.whatsapp.internal.Fixtures.replyTo;
import static dev.conversa.whatsapp.internal.Fixtures.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.InboundMessage;
import dev.conversa.model.InteractiveReply;
import dev.conversa.model.MessageContext;
import dev.conversa.model.ReferralInfo;
import dev.conversa.model.ReplyKind;
import dev.conversa.model.Text;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InteractiveNormalizationTest {

    @Test
    void readsReplyButtonTap() {
        assertThat(single("interactive_button_reply")).isEqualTo(new InboundMessage(
                header("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQUNBNUQ5NTNGOEFDMEMzQzZBNQA=", 1749417400),
                new InteractiveReply(ReplyKind.BUTTON, "order-status", Optional.of("Order status"), Optional.empty(),
                        Optional.empty()),
                replyTo("wamid.HBgLMTYzMTU1NTExODEVAgARGBI0NDRCNzk2QjgwNkUzOTJFNzYA"), KERRY));
    }

    @Test
    void readsListRowWithDescription() {
        assertThat(single("interactive_list_reply")).isEqualTo(new InboundMessage(
                header("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTBBMDBDREQ0MDQ0NzY2RDM0MgA=", 1749417500),
                new InteractiveReply(ReplyKind.LIST_ROW, "ship-express", Optional.of("Express"),
                        Optional.of("Next business day"), Optional.empty()),
                replyTo("wamid.HBgLMTYzMTU1NTExODEVAgARGBIzRUQ2RjlENDkxNTJFNkEzNDkA"), KERRY));
    }

    @Test
    void readsFlowAnswerKeepingResponseJsonAsString() {
        assertThat(single("interactive_flow_reply")).isEqualTo(new InboundMessage(
                header("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTc1ODYyMzg3RkI0ODhENUE4RgA=", 1749417600),
                new InteractiveReply(ReplyKind.FLOW, "flow", Optional.of("Sent"), Optional.empty(),
                        Optional.of("{\"flow_token\":\"signup-77\",\"size\":\"M\"}")),
                replyTo("wamid.HBgLMTYzMTU1NTExODEVAgARGBJGMDFBMjlGNEY3QkNBMTM2N0YA"), KERRY));
    }

    @Test
    void readsTemplateQuickReplyButton() {
        assertThat(single("template_button")).isEqualTo(new InboundMessage(
                header("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQUI0RDA2QTAwRDg2OTU0RkUyQgA=", 1749417700),
                new InteractiveReply(ReplyKind.TEMPLATE_BUTTON, "STOP_PROMOS", Optional.of("Stop promotions"),
                        Optional.empty(), Optional.empty()),
                replyTo("wamid.HBgLMTYzMTU1NTExODEVAgARGBJDMjA2MjJCMTM5MDgxNUNFNEQA"), KERRY));
    }

    @Test
    void readsClickToWhatsAppAdReferral() {
        ReferralInfo referral = new ReferralInfo("ad", Optional.empty(), Optional.of("120226305854810726"),
                Optional.of("https://fb.me/3cr4Wqqkv"), Optional.of("Summer sale"), Optional.of("30% off all jackets"),
                Map.of("media_type", "image",
                        "image_url", "https://scontent.xx.fbcdn.net/v/t45.1600-4/jacket.png",
                        "thumbnail_url", "https://scontent.xx.fbcdn.net/v/t45.1600-4/thumb.png",
                        "ctwa_clid", "Aff-n8ZTODiE79d22KtAwQKj9e_mIEOOj27vDVwFjN80dp4_0NiNhEgpGo0AHemvuSoifXaytfTzcc"
                                + "hptiErTKCqTrJ5nW1h7IHYeYymGb5K5J5iNJ"));
        assertThat(single("referral_ad")).isEqualTo(new InboundMessage(
                header("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTM5ODc2NTQzMjFBQkNERUYwMQA=", 1749418300),
                new Text("Is this still on sale?"),
                new MessageContext(Optional.empty(), false, false, Optional.of(referral)), KERRY));
    }

    @Test
    void readsProductInquiryAsProductReferral() {
        ReferralInfo product = new ReferralInfo("product", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(),
                Map.of("catalog_id", "194836987003835", "product_retailer_id", "di9ozbzfi4"));
        assertThat(single("product_inquiry")).isEqualTo(new InboundMessage(
                header("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQVBST0RVQ1RJTlFVSVJZMDAxAA==", 1749420100),
                new Text("Is this available in green?"),
                new MessageContext(Optional.of("wamid.HBgLMTYzMTU1NTExODEVAgARGBJQUk9EVUNUTUVTU0FHRTAwMQA="), false, false,
                        Optional.of(product)), KERRY));
    }
}
