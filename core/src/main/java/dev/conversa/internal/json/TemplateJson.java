package dev.conversa.internal.json;

import static dev.conversa.internal.json.CommonJson.typed;
import static dev.conversa.internal.json.JsonFields.list;
import static dev.conversa.internal.json.JsonFields.longValue;
import static dev.conversa.internal.json.JsonFields.object;
import static dev.conversa.internal.json.JsonFields.optionalInt;
import static dev.conversa.internal.json.JsonFields.optionalText;
import static dev.conversa.internal.json.JsonFields.putOptional;
import static dev.conversa.internal.json.JsonFields.text;

import dev.conversa.model.Template;
import dev.conversa.model.TemplateComponent;
import dev.conversa.model.TemplateParameter;
import dev.conversa.model.TemplateParameter.ButtonTextParam;
import dev.conversa.model.TemplateParameter.CurrencyParam;
import dev.conversa.model.TemplateParameter.DateTimeParam;
import dev.conversa.model.TemplateParameter.LocationParam;
import dev.conversa.model.TemplateParameter.MediaParam;
import dev.conversa.model.TemplateParameter.PayloadParam;
import dev.conversa.model.TemplateParameter.TextParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** JSON of {@link Template}, its components and every {@link TemplateParameter} record. */
final class TemplateJson {

    private TemplateJson() {}

    static ObjectNode write(Template template) {
        ObjectNode node = typed("template").put("name", template.name()).put("language", template.language());
        JsonFields.putList(node, "components", template.components(), TemplateJson::writeComponent);
        return node;
    }

    static Template read(JsonNode node) {
        return new Template(text(node, "name"), text(node, "language"),
                list(node, "components", TemplateJson::readComponent));
    }

    private static ObjectNode writeComponent(TemplateComponent component) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("componentType", component.type());
        putOptional(node, "subType", component.subType());
        component.index().ifPresent(i -> node.put("index", i.intValue()));
        JsonFields.putList(node, "parameters", component.parameters(), TemplateJson::writeParameter);
        return node;
    }

    private static TemplateComponent readComponent(JsonNode node) {
        return new TemplateComponent(text(node, "componentType"), optionalText(node, "subType"),
                optionalInt(node, "index"), list(node, "parameters", TemplateJson::readParameter));
    }

    private static ObjectNode writeParameter(TemplateParameter parameter) {
        if (parameter instanceof TextParam p) {
            return typed("text").put("text", p.text());
        } else if (parameter instanceof CurrencyParam p) {
            return typed("currency").put("fallback", p.fallback()).put("currencyCode", p.currencyCode())
                    .put("amount1000", p.amount1000());
        } else if (parameter instanceof DateTimeParam p) {
            return typed("date_time").put("fallback", p.fallback());
        } else if (parameter instanceof MediaParam p) {
            return typed("media").set("media", CommonJson.writeMedia(p.media()));
        } else if (parameter instanceof LocationParam p) {
            return typed("location").set("location", CommonJson.writeLocation(p.location()));
        } else if (parameter instanceof PayloadParam p) {
            return typed("payload").put("payload", p.payload());
        }
        return typed("button_text").put("text", ((ButtonTextParam) parameter).text());
    }

    private static TemplateParameter readParameter(JsonNode node) {
        String type = text(node, CommonJson.TYPE);
        return switch (type) {
            case "text" -> new TextParam(text(node, "text"));
            case "currency" -> new CurrencyParam(text(node, "fallback"), text(node, "currencyCode"),
                    longValue(node, "amount1000"));
            case "date_time" -> new DateTimeParam(text(node, "fallback"));
            case "media" -> new MediaParam(CommonJson.readMedia(object(node, "media")));
            case "location" -> new LocationParam(CommonJson.readLocation(object(node, "location")));
            case "payload" -> new PayloadParam(text(node, "payload"));
            case "button_text" -> new ButtonTextParam(text(node, "text"));
            default -> throw new IllegalArgumentException("unknown template parameter type '" + type + "'");
        };
    }
}
