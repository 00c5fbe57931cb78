package dev.conversa.whatsapp.internal;

import dev.conversa.internal.json.LenientJson;
import dev.conversa.model.OptIn;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Turns one item of {@code value.user_preferences[]} (a user stopped, resumed or signed up for
 * marketing messages: {@code stop}, {@code resume}, {@code signup}) into an {@link OptIn}; a
 * signup (through a signup link) is an opt-in. Meta sends no id, so the event id is derived from
 * the item.
 */
final class PreferenceParser {

    private PreferenceParser() {}

    static OptIn preference(ChangeScope scope, JsonNode item) {
        String contactId = LenientJson.nonBlank(item, "wa_id").or(() -> LenientJson.nonBlank(item, "user_id"))
                .orElseThrow(() -> new MalformedException("missing 'wa_id'"));
        String value = LenientJson.required(item, "value");
        boolean optedIn;
        if ("resume".equals(value) || "signup".equals(value)) {
            optedIn = true;
        } else if ("stop".equals(value)) {
            optedIn = false;
        } else {
            throw new MalformedException("unknown preference value");
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("value", value);
        LenientJson.nonBlank(item, "detail").ifPresent(d -> details.put("detail", d));
        LenientJson.nonBlank(item, "signup_id").ifPresent(id -> details.put("signup_id", id));
        return new OptIn(scope.header(contactId, "user_preferences:" + LenientJson.digest(item), scope.time(item)),
                LenientJson.nonBlank(item, "category").orElse("marketing_messages"), optedIn, details);
    }
}
