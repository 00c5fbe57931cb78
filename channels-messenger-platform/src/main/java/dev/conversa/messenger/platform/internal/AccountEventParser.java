package dev.conversa.messenger.platform.internal;

import dev.conversa.internal.json.LenientJson;
import dev.conversa.model.AccountLinking;
import dev.conversa.model.Checkout;
import dev.conversa.model.EventHeader;
import dev.conversa.model.GamePlay;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.PolicyEnforcement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads the events about the account rather than a message: {@code policy_enforcement} (Meta's
 * older payloads spell it {@code policy-enforcement}; it names no customer, so the contact is the
 * Page), {@code account_linking}, {@code checkout_update}, {@code payment} and {@code game_play}.
 * Their ids are derived from the type, the customer, the time and a digest of the body, so a
 * redelivered webhook gets the same id.
 */
final class AccountEventParser {

    private AccountEventParser() {}

    static InboundEvent policyEnforcement(EventScope scope, JsonNode body) {
        String action = LenientJson.nonBlank(body, "action").orElseThrow(
                () -> new IllegalArgumentException("policy enforcement without action")).toUpperCase(Locale.ROOT);
        EventHeader header = new EventHeader(scope.channel(), scope.accountId(), scope.accountId(),
                "policy_enforcement:" + scope.accountId() + ":" + scope.timestamp().toEpochMilli() + ":"
                        + LenientJson.digest(body), scope.timestamp());
        return new PolicyEnforcement(header, PolicyEnforcement.Action.valueOf(action),
                LenientJson.nonBlank(body, "reason"));
    }

    static InboundEvent accountLinking(EventScope scope, JsonNode body) {
        String status = LenientJson.nonBlank(body, "status").orElseThrow(
                () -> new IllegalArgumentException("account linking without status"));
        return new AccountLinking(scope.header(id(scope, "account_linking", body)), "linked".equals(status),
                LenientJson.nonEmpty(body, "authorization_code"));
    }

    static InboundEvent checkout(EventScope scope, String type, JsonNode body) {
        Map<String, String> details = LenientJson.flatten("", body);
        details.remove("payload");
        return new Checkout(scope.header(id(scope, type, body)),
                "payment".equals(type) ? Checkout.Stage.PAYMENT : Checkout.Stage.CHECKOUT_UPDATE,
                LenientJson.nonEmpty(body, "payload"), details);
    }

    static InboundEvent gamePlay(EventScope scope, JsonNode body) {
        String game = LenientJson.nonBlank(body, "game_id").orElseThrow(
                () -> new IllegalArgumentException("game play without game_id"));
        return new GamePlay(scope.header(id(scope, "game_play", body)), game, LenientJson.nonEmpty(body, "player_id"),
                LenientJson.nonEmpty(body, "context_type"), LenientJson.nonEmpty(body, "context_id"),
                LenientJson.nonEmpty(body, "payload"));
    }

    private static String id(EventScope scope, String type, JsonNode body) {
        return scope.derivedId(type, Optional.of(LenientJson.digest(body)));
    }
}
