package dev.conversa.messenger.platform.internal;

import dev.conversa.internal.json.LenientJson;
import dev.conversa.model.Handover;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads handover protocol events: {@code pass_thread_control}, {@code take_thread_control},
 * {@code request_thread_control} and {@code app_roles} (whose role map is kept as the metadata,
 * in JSON). App ids arrive as strings or numbers and are read as text.
 */
final class HandoverParser {

    private HandoverParser() {}

    static Handover handover(EventScope scope, String type, JsonNode body) {
        Handover.Action action;
        Optional<String> previous = LenientJson.nonEmpty(body, "previous_owner_app_id");
        Optional<String> next = LenientJson.nonEmpty(body, "new_owner_app_id");
        Optional<String> metadata = LenientJson.nonEmpty(body, "metadata");
        switch (type) {
            case "pass_thread_control":
                action = Handover.Action.PASS;
                break;
            case "take_thread_control":
                action = Handover.Action.TAKE;
                break;
            case "request_thread_control":
                action = Handover.Action.REQUEST;
                next = LenientJson.nonEmpty(body, "requested_owner_app_id");
                break;
            default:
                action = Handover.Action.ROLES_CHANGED;
                metadata = Optional.of(body.toString());
                break;
        }
        String id = scope.derivedId(type, next.or(() -> Optional.of(LenientJson.digest(body))));
        return new Handover(scope.header(id), action, previous, next, metadata);
    }
}
