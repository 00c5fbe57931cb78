package dev.conversa.whatsapp.internal;

import dev.conversa.internal.json.LenientJson;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.MessageContext;
import dev.conversa.model.SystemNotice;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Turns one item of {@code value.user_id_update[]} (the {@code user_id_update} field: a user's
 * business-scoped user id was rotated) into a {@link SystemNotice}, never answered. A user known
 * by phone number ({@code wa_id}) stays the contact of that number: the notice concerns it and
 * moves nothing. A user known only by the user id is moved from {@code user_id.previous} to
 * {@code user_id.current}, as a changed number is, so the former id stays linked to the contact.
 */
final class UserIdUpdateParser {

    /** The notice type, the webhook field's name. */
    static final String TYPE = "user_id_update";

    private UserIdUpdateParser() {}

    static InboundMessage update(ChangeScope scope, JsonNode item) {
        JsonNode userId = LenientJson.object(item, "user_id");
        Optional<String> waId = LenientJson.nonBlank(item, "wa_id");
        Optional<String> previous = LenientJson.nonBlank(userId, "previous");
        String current = LenientJson.nonBlank(userId, "current")
                .orElseThrow(() -> new MalformedException("missing 'user_id.current'"));
        String contactId = waId.or(() -> previous).orElse(current);
        Optional<String> moveTo = waId.isEmpty() && previous.isPresent() ? Optional.of(current) : Optional.empty();
        SystemNotice notice = new SystemNotice(TYPE, LenientJson.text(item, "detail").orElse(""), moveTo);
        return new InboundMessage(scope.header(contactId, TYPE + ":" + LenientJson.digest(item), scope.time(item)), notice,
                MessageContext.NONE, scope.profile(waId, previous));
    }
}
