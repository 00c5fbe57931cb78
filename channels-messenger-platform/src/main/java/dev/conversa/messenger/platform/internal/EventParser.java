package dev.conversa.messenger.platform.internal;

import dev.conversa.internal.json.LenientJson;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.DeliveryWatermark;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.OptIn;
import dev.conversa.model.Reaction;
import dev.conversa.model.Read;
import dev.conversa.model.Referral;
import dev.conversa.model.StatusUpdate;
import dev.conversa.model.Unsupported;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Turns one {@code messaging[]} event into model events, by its payload key. Ids: a message's
 * {@code mid} where there is one; otherwise an id derived from the type, the customer, the time
 * and what distinguishes the event (watermark, action), so a redelivered webhook gets the same id.
 */
final class EventParser {

    private EventParser() {}

    static List<InboundEvent> events(EventScope scope, String type) {
        JsonNode body = scope.event().path(type);
        switch (type) {
            case "message":
                return MessageEventParser.events(scope, body);
            case "postback":
                return List.of(MessageEventParser.postback(scope, body));
            case "reaction":
                return List.of(reaction(scope, body));
            case "read":
                return List.of(read(scope, body));
            case "delivery":
                return deliveries(scope, body);
            case "referral":
                return List.of(referral(scope, body));
            case "optin":
                return List.of(optIn(scope, body));
            case "message_edit":
                return List.of(MessageEventParser.edit(scope, body));
            case "pass_thread_control":
            case "take_thread_control":
            case "request_thread_control":
            case "app_roles":
                return List.of(HandoverParser.handover(scope, type, body));
            case "policy_enforcement":
            case "policy-enforcement":
                return List.of(AccountEventParser.policyEnforcement(scope, body));
            case "account_linking":
                return List.of(AccountEventParser.accountLinking(scope, body));
            case "checkout_update":
            case "payment":
                return List.of(AccountEventParser.checkout(scope, type, body));
            case "game_play":
                return List.of(AccountEventParser.gamePlay(scope, body));
            default:
                return List.of(new Unsupported(
                        scope.header(scope.derivedId(type, Optional.of(LenientJson.digest(scope.event())))), type,
                        scope.raw()));
        }
    }

    private static InboundEvent reaction(EventScope scope, JsonNode body) {
        String mid = LenientJson.nonEmpty(body, "mid").orElseThrow();
        String action = LenientJson.nonEmpty(body, "action").orElse("react");
        Optional<String> emoji = "unreact".equals(action)
                ? Optional.empty()
                : LenientJson.nonEmpty(body, "emoji").or(() -> LenientJson.nonEmpty(body, "reaction"));
        String id = "reaction:" + mid + ":" + scope.contactId() + ":" + scope.timestamp().toEpochMilli() + ":" + action;
        return new Reaction(scope.header(id), mid, emoji);
    }

    private static InboundEvent read(EventScope scope, JsonNode body) {
        Optional<String> mid = LenientJson.nonEmpty(body, "mid");
        Optional<Instant> watermark = LenientJson.millis(body, "watermark");
        String id = mid.map(m -> "read:" + m)
                .orElseGet(() -> scope.derivedId("read", watermark.map(w -> Long.toString(w.toEpochMilli()))));
        return new Read(scope.header(id), mid, watermark);
    }

    /**
     * A delivery lists the delivered message ids: each becomes a {@code DELIVERED} status update.
     * A delivery with only a watermark becomes a {@link DeliveryWatermark}; one with neither is
     * kept as {@link Unsupported}.
     */
    private static List<InboundEvent> deliveries(EventScope scope, JsonNode body) {
        List<InboundEvent> events = new ArrayList<>();
        Map<String, String> details = new LinkedHashMap<>();
        LenientJson.nonEmpty(body, "watermark").ifPresent(w -> details.put("watermark", w));
        for (JsonNode mid : body.path("mids")) {
            if (mid.isString() && !mid.asString().isBlank()) {
                events.add(new StatusUpdate(scope.header("delivery:" + mid.asString()), mid.asString(),
                        DeliveryStatus.DELIVERED, List.of(), details));
            }
        }
        Optional<Instant> watermark = LenientJson.millis(body, "watermark");
        if (events.isEmpty() && watermark.isPresent()) {
            events.add(new DeliveryWatermark(scope.header(scope.derivedId("delivery",
                    Optional.of(Long.toString(watermark.get().toEpochMilli())))), watermark.get()));
        } else if (events.isEmpty()) {
            events.add(new Unsupported(scope.header(scope.derivedId("delivery", LenientJson.nonEmpty(body, "watermark"))),
                    "delivery", scope.raw()));
        }
        return events;
    }

    private static InboundEvent referral(EventScope scope, JsonNode body) {
        return new Referral(scope.header(scope.derivedId("referral", LenientJson.nonEmpty(body, "ref"))),
                ReferralParser.referral(body).orElseThrow());
    }

    private static InboundEvent optIn(EventScope scope, JsonNode body) {
        Map<String, String> details = new LinkedHashMap<>();
        for (String name : body.propertyNames()) {
            LenientJson.nonEmpty(body, name).ifPresent(v -> details.put(name, v));
        }
        String topic = LenientJson.nonEmpty(body, "type").orElse("optin");
        boolean optedIn = !"STOP_NOTIFICATIONS".equals(body.path("notification_messages_status").asString(""));
        return new OptIn(scope.header(scope.derivedId("optin", Optional.of(topic))), topic, optedIn, details);
    }
}
