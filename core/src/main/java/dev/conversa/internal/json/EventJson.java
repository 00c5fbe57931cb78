package dev.conversa.internal.json;

import static dev.conversa.internal.json.JsonFields.bool;
import static dev.conversa.internal.json.JsonFields.enumValue;
import static dev.conversa.internal.json.JsonFields.instant;
import static dev.conversa.internal.json.JsonFields.list;
import static dev.conversa.internal.json.JsonFields.map;
import static dev.conversa.internal.json.JsonFields.object;
import static dev.conversa.internal.json.JsonFields.optionalInstant;
import static dev.conversa.internal.json.JsonFields.optionalText;
import static dev.conversa.internal.json.JsonFields.putMap;
import static dev.conversa.internal.json.JsonFields.putOptional;
import static dev.conversa.internal.json.JsonFields.text;

import dev.conversa.model.AccountLinking;
import dev.conversa.model.ChannelError;
import dev.conversa.model.Checkout;
import dev.conversa.model.Deleted;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.DeliveryWatermark;
import dev.conversa.model.Echo;
import dev.conversa.model.Edited;
import dev.conversa.model.EventHeader;
import dev.conversa.model.GamePlay;
import dev.conversa.model.Handover;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.OptIn;
import dev.conversa.model.PlatformError;
import dev.conversa.model.PolicyEnforcement;
import dev.conversa.model.Reaction;
import dev.conversa.model.Read;
import dev.conversa.model.Referral;
import dev.conversa.model.StatusUpdate;
import dev.conversa.model.Unsupported;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON of every {@link InboundEvent} record, with a {@code "type"} discriminator and the event
 * header under {@code "header"}. Message contexts, sender profiles and referrals are in
 * {@link EventPartsJson}.
 */
final class EventJson {

    private EventJson() {}

    static ObjectNode write(InboundEvent event) {
        if (event instanceof InboundMessage m) {
            return start("message", m.header()).<ObjectNode>set("content", MessageContentJson.write(m.content()))
                    .<ObjectNode>set("context", EventPartsJson.writeContext(m.context()))
                    .set("sender", EventPartsJson.writeSender(m.sender()));
        } else if (event instanceof StatusUpdate s) {
            ObjectNode node = start("status", s.header()).put("messageId", s.messageId())
                    .put("status", s.status().name());
            putMap(withErrors(node, s.errors()), "details", s.details());
            return node;
        } else if (event instanceof Echo e) {
            ObjectNode node = start("echo", e.header()).set("content", MessageContentJson.write(e.content()));
            putOptional(node, "appId", e.appId());
            putOptional(node, "metadata", e.metadata());
            return node;
        } else if (event instanceof Reaction r) {
            ObjectNode node = start("reaction", r.header()).put("messageId", r.messageId());
            putOptional(node, "emoji", r.emoji());
            return node;
        } else if (event instanceof Read r) {
            ObjectNode node = start("read", r.header());
            putOptional(node, "messageId", r.messageId());
            r.watermark().ifPresent(w -> node.put("watermark", w.toString()));
            return node;
        }
        return writeRest(event);
    }

    private static ObjectNode writeRest(InboundEvent event) {
        if (event instanceof Handover h) {
            ObjectNode node = start("handover", h.header()).put("action", h.action().name());
            putOptional(node, "previousOwnerAppId", h.previousOwnerAppId());
            putOptional(node, "newOwnerAppId", h.newOwnerAppId());
            putOptional(node, "metadata", h.metadata());
            return node;
        } else if (event instanceof OptIn o) {
            ObjectNode node = start("optin", o.header()).put("topic", o.topic()).put("optedIn", o.optedIn());
            putMap(node, "details", o.details());
            return node;
        } else if (event instanceof Referral r) {
            return start("referral", r.header()).set("referral", EventPartsJson.writeReferral(r.referral()));
        } else if (event instanceof Deleted d) {
            return start("deleted", d.header()).put("messageId", d.messageId());
        } else if (event instanceof Edited e) {
            return start("edited", e.header()).put("messageId", e.messageId())
                    .set("content", MessageContentJson.write(e.content()));
        } else if (event instanceof PlatformError p) {
            return withErrors(start("platform_error", p.header()), p.errors());
        } else if (event instanceof Unsupported u) {
            return start("unsupported", u.header()).put("unsupportedType", u.type()).put("rawJson", u.rawJson());
        }
        return writeAccountEvents(event);
    }

    private static ObjectNode writeAccountEvents(InboundEvent event) {
        if (event instanceof DeliveryWatermark d) {
            return start("delivery_watermark", d.header()).put("watermark", d.watermark().toString());
        } else if (event instanceof PolicyEnforcement p) {
            ObjectNode node = start("policy_enforcement", p.header()).put("action", p.action().name());
            putOptional(node, "reason", p.reason());
            return node;
        } else if (event instanceof AccountLinking a) {
            ObjectNode node = start("account_linking", a.header()).put("linked", a.linked());
            putOptional(node, "authorizationCode", a.authorizationCode());
            return node;
        } else if (event instanceof Checkout c) {
            ObjectNode node = start("checkout", c.header()).put("stage", c.stage().name());
            putOptional(node, "payload", c.payload());
            putMap(node, "details", c.details());
            return node;
        }
        GamePlay g = (GamePlay) event;
        ObjectNode node = start("game_play", g.header()).put("gameId", g.gameId());
        putOptional(node, "playerId", g.playerId());
        putOptional(node, "contextType", g.contextType());
        putOptional(node, "contextId", g.contextId());
        putOptional(node, "payload", g.payload());
        return node;
    }


    static InboundEvent read(JsonNode node) {
        String type = text(node, CommonJson.TYPE);
        EventHeader header = CommonJson.readHeader(object(node, "header"));
        return switch (type) {
            case "message" -> new InboundMessage(header, MessageContentJson.read(object(node, "content")),
                    EventPartsJson.readContext(object(node, "context")),
                    EventPartsJson.readSender(object(node, "sender")));
            case "status" -> new StatusUpdate(header, text(node, "messageId"),
                    enumValue(node, "status", DeliveryStatus.class), errors(node), map(node, "details"));
            case "echo" -> new Echo(header, MessageContentJson.read(object(node, "content")),
                    optionalText(node, "appId"), optionalText(node, "metadata"));
            case "reaction" -> new Reaction(header, text(node, "messageId"), optionalText(node, "emoji"));
            case "read" -> new Read(header, optionalText(node, "messageId"), optionalInstant(node, "watermark"));
            case "handover" -> new Handover(header, enumValue(node, "action", Handover.Action.class),
                    optionalText(node, "previousOwnerAppId"), optionalText(node, "newOwnerAppId"),
                    optionalText(node, "metadata"));
            case "optin" -> new OptIn(header, text(node, "topic"), bool(node, "optedIn"), map(node, "details"));
            case "referral" -> new Referral(header, EventPartsJson.readReferral(object(node, "referral")));
            case "deleted" -> new Deleted(header, text(node, "messageId"));
            case "edited" -> new Edited(header, text(node, "messageId"),
                    MessageContentJson.read(object(node, "content")));
            case "platform_error" -> new PlatformError(header, errors(node));
            case "unsupported" -> new Unsupported(header, text(node, "unsupportedType"), text(node, "rawJson"));
            case "delivery_watermark" -> new DeliveryWatermark(header, instant(node, "watermark"));
            case "policy_enforcement" -> new PolicyEnforcement(header,
                    enumValue(node, "action", PolicyEnforcement.Action.class), optionalText(node, "reason"));
            case "account_linking" -> new AccountLinking(header, bool(node, "linked"),
                    optionalText(node, "authorizationCode"));
            case "checkout" -> new Checkout(header, enumValue(node, "stage", Checkout.Stage.class),
                    optionalText(node, "payload"), map(node, "details"));
            case "game_play" -> new GamePlay(header, text(node, "gameId"), optionalText(node, "playerId"),
                    optionalText(node, "contextType"), optionalText(node, "contextId"), optionalText(node, "payload"));
            default -> throw new IllegalArgumentException("unknown inbound event type '" + type + "'");
        };
    }

    private static ObjectNode start(String type, EventHeader header) {
        return CommonJson.typed(type).set("header", CommonJson.writeHeader(header));
    }

    private static ObjectNode withErrors(ObjectNode node, List<ChannelError> errors) {
        JsonFields.putList(node, "errors", errors, CommonJson::writeChannelError);
        return node;
    }

    private static List<ChannelError> errors(JsonNode node) {
        return list(node, "errors", CommonJson::readChannelError);
    }
}
