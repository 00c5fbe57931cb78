package dev.conversa.internal.json;

import static dev.conversa.internal.json.JsonFields.bool;
import static dev.conversa.internal.json.JsonFields.map;
import static dev.conversa.internal.json.JsonFields.optionalText;
import static dev.conversa.internal.json.JsonFields.putMap;
import static dev.conversa.internal.json.JsonFields.putOptional;
import static dev.conversa.internal.json.JsonFields.text;

import dev.conversa.model.MessageContext;
import dev.conversa.model.ReferralInfo;
import dev.conversa.model.SenderProfile;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** JSON of the parts of inbound messages: context, sender profile and referral. */
final class EventPartsJson {

    private EventPartsJson() {}

    static ObjectNode writeContext(MessageContext context) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        putOptional(node, "replyTo", context.replyTo());
        node.put("forwarded", context.forwarded()).put("frequentlyForwarded", context.frequentlyForwarded());
        context.referral().ifPresent(r -> node.set("referral", writeReferral(r)));
        return node;
    }

    static MessageContext readContext(JsonNode node) {
        JsonNode referral = node.get("referral");
        Optional<ReferralInfo> info = referral == null || referral.isNull()
                ? Optional.empty() : Optional.of(readReferral(JsonFields.object(node, "referral")));
        return new MessageContext(optionalText(node, "replyTo"), bool(node, "forwarded"),
                bool(node, "frequentlyForwarded"), info);
    }

    static ObjectNode writeSender(SenderProfile sender) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        putOptional(node, "name", sender.name());
        putOptional(node, "username", sender.username());
        putOptional(node, "phoneNumber", sender.phoneNumber());
        return node;
    }

    static SenderProfile readSender(JsonNode node) {
        return new SenderProfile(optionalText(node, "name"), optionalText(node, "username"),
                optionalText(node, "phoneNumber"));
    }

    static ObjectNode writeReferral(ReferralInfo referral) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("source", referral.source());
        putOptional(node, "ref", referral.ref());
        putOptional(node, "sourceId", referral.sourceId());
        putOptional(node, "sourceUrl", referral.sourceUrl());
        putOptional(node, "headline", referral.headline());
        putOptional(node, "body", referral.body());
        putMap(node, "details", referral.details());
        return node;
    }

    static ReferralInfo readReferral(JsonNode node) {
        return new ReferralInfo(text(node, "source"), optionalText(node, "ref"), optionalText(node, "sourceId"),
                optionalText(node, "sourceUrl"), optionalText(node, "headline"), optionalText(node, "body"),
                map(node, "details"));
    }
}
