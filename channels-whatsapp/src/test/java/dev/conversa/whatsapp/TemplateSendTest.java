package dev.conversa.whatsapp;

import dev.conversa.model.Location;
import dev.conversa.model.Media;
import dev.conversa.model.MediaKind;
import dev.conversa.model.Template;
import dev.conversa.model.TemplateComponent;
import dev.conversa.model.TemplateParameter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TemplateSendTest {

    @RegisterExtension
    static SendHarness whatsapp = new SendHarness();

    @Test
    void rendersTemplateWithoutParameters() {
        whatsapp.assertRendered(new Template("hello_world", "en_US", List.of()), """
                {"type":"template","template":{"name":"hello_world","language":{"code":"en_US"}}}""");
    }

    @Test
    void rendersTemplateWithEveryParameterKind() {
        Template template = new Template("order_update", "es_MX", List.of(
                new TemplateComponent("header", Optional.empty(), Optional.empty(), List.of(
                        new TemplateParameter.MediaParam(Media.byUrl(MediaKind.DOCUMENT, "https://files.example.com/i.pdf")
                                .withFilename("invoice.pdf")))),
                new TemplateComponent("body", Optional.empty(), Optional.empty(), List.of(
                        new TemplateParameter.TextParam("Kerry"),
                        new TemplateParameter.CurrencyParam("$12.99", "USD", 12990),
                        new TemplateParameter.DateTimeParam("March 3, 2026"))),
                new TemplateComponent("button", Optional.of("quick_reply"), Optional.of(0), List.of(
                        new TemplateParameter.PayloadParam("STOP_PROMOS"))),
                new TemplateComponent("button", Optional.of("url"), Optional.of(1), List.of(
                        new TemplateParameter.ButtonTextParam("order/42"))),
                new TemplateComponent("button", Optional.of("copy_code"), Optional.of(2), List.of(
                        new TemplateParameter.ButtonTextParam("SAVE10")))));

        whatsapp.assertRendered(template, """
                {"type":"template","template":{"name":"order_update","language":{"code":"es_MX"},"components":[
                  {"type":"header","parameters":[{"type":"document","document":{
                     "link":"https://files.example.com/i.pdf","filename":"invoice.pdf"}}]},
                  {"type":"body","parameters":[
                     {"type":"text","text":"Kerry"},
                     {"type":"currency","currency":{"fallback_value":"$12.99","code":"USD","amount_1000":12990}},
                     {"type":"date_time","date_time":{"fallback_value":"March 3, 2026"}}]},
                  {"type":"button","sub_type":"quick_reply","index":"0","parameters":[
                     {"type":"payload","payload":"STOP_PROMOS"}]},
                  {"type":"button","sub_type":"url","index":"1","parameters":[{"type":"text","text":"order/42"}]},
                  {"type":"button","sub_type":"copy_code","index":"2","parameters":[
                     {"type":"coupon_code","coupon_code":"SAVE10"}]}]}}""");
    }

    @Test
    void rendersTemplateWithImageHeaderById() {
        Template template = new Template("promo", "en", List.of(new TemplateComponent("header", Optional.empty(),
                Optional.empty(), List.of(new TemplateParameter.MediaParam(Media.byId(MediaKind.IMAGE, "998877"))))));

        whatsapp.assertRendered(template, """
                {"type":"template","template":{"name":"promo","language":{"code":"en"},"components":[
                  {"type":"header","parameters":[{"type":"image","image":{"id":"998877"}}]}]}}""");
    }

    @Test
    void rendersTemplateWithLocationHeader() {
        Template template = new Template("store_hours", "en", List.of(new TemplateComponent("header", Optional.empty(),
                Optional.empty(), List.of(new TemplateParameter.LocationParam(new Location(52.52, 13.405,
                        Optional.of("Lucky Shrub Berlin"), Optional.of("Alexanderplatz 1"), Optional.empty()))))));

        whatsapp.assertRendered(template, """
                {"type":"template","template":{"name":"store_hours","language":{"code":"en"},"components":[
                  {"type":"header","parameters":[{"type":"location","location":{"latitude":52.52,"longitude":13.405,
                     "name":"Lucky Shrub Berlin","address":"Alexanderplatz 1"}}]}]}}""");
    }
}
