package dev.conversa.whatsapp.internal;

import dev.conversa.model.Template;
import dev.conversa.model.TemplateComponent;
import dev.conversa.model.TemplateParameter;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders template messages with parameters of every kind.
 *
 * @see <a href="https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-message-templates">Send templates</a>
 */
final class TemplateRenderer {

    private TemplateRenderer() {}

    static void template(ObjectNode body, Template template) {
        body.put("type", "template");
        ObjectNode node = body.putObject("template");
        node.put("name", template.name());
        node.putObject("language").put("code", template.language());
        if (template.components().isEmpty()) {
            return;
        }
        ArrayNode components = node.putArray("components");
        for (TemplateComponent component : template.components()) {
            component(components.addObject(), component);
        }
    }

    private static void component(ObjectNode node, TemplateComponent component) {
        String type = component.type().toLowerCase(Locale.ROOT);
        node.put("type", type);
        if ("header".equals(type)) {
            Limits.count(component.parameters().size(), Limits.TEMPLATE_HEADER_PARAMETERS, "template header parameters");
        } else if ("button".equals(type)) {
            button(node, component);
        }
        ArrayNode parameters = node.putArray("parameters");
        for (TemplateParameter parameter : component.parameters()) {
            parameter(parameters.addObject(), parameter, component.subType().orElse(""));
        }
    }

    private static void button(ObjectNode node, TemplateComponent component) {
        String subType = component.subType().orElseThrow(() -> new IllegalArgumentException(
                "WhatsApp requires a sub type (quick_reply, url, copy_code) on every template button"));
        int index = component.index().orElseThrow(() -> new IllegalArgumentException(
                "WhatsApp requires an index on every template button"));
        if (index < 0 || index >= Limits.TEMPLATE_BUTTONS) {
            throw new IllegalArgumentException("WhatsApp limit: a template button's index is from 0 to "
                    + (Limits.TEMPLATE_BUTTONS - 1) + ", got " + index);
        }
        Limits.count(component.parameters().size(), Limits.TEMPLATE_BUTTON_PARAMETERS, "template button parameters");
        node.put("sub_type", subType);
        node.put("index", String.valueOf(index));
    }

    private static void parameter(ObjectNode node, TemplateParameter parameter, String buttonSubType) {
        if (parameter instanceof TemplateParameter.TextParam text) {
            node.put("type", "text").put("text", text.text());
        } else if (parameter instanceof TemplateParameter.CurrencyParam currency) {
            node.put("type", "currency").putObject("currency").put("fallback_value", currency.fallback())
                    .put("code", currency.currencyCode()).put("amount_1000", currency.amount1000());
        } else if (parameter instanceof TemplateParameter.DateTimeParam dateTime) {
            node.put("type", "date_time").putObject("date_time").put("fallback_value", dateTime.fallback());
        } else if (parameter instanceof TemplateParameter.MediaParam media) {
            String type = WhatsAppRenderer.mediaType(media.media().mediaKind());
            if (!type.equals("image") && !type.equals("video") && !type.equals("document")) {
                throw new IllegalArgumentException("WhatsApp limit: a template header shows an image, video or document");
            }
            ObjectNode object = node.put("type", type).putObject(type);
            WhatsAppRenderer.mediaReference(object, media.media());
            media.media().filename().filter(f -> type.equals("document")).ifPresent(f -> object.put("filename", f));
        } else if (parameter instanceof TemplateParameter.LocationParam location) {
            WhatsAppRenderer.location(node.put("type", "location").putObject("location"), location.location());
        } else if (parameter instanceof TemplateParameter.PayloadParam payload) {
            node.put("type", "payload").put("payload", payload.payload());
        } else if (parameter instanceof TemplateParameter.ButtonTextParam text) {
            if ("copy_code".equals(buttonSubType)) {
                node.put("type", "coupon_code").put("coupon_code", text.text());
            } else {
                node.put("type", "text").put("text", text.text());
            }
        }
    }
}
