package dev.conversa.whatsapp.internal;

import dev.conversa.internal.json.LenientJson;
import dev.conversa.model.ChannelError;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads WhatsApp's {@code errors[]} arrays. */
final class ChannelErrors {

    private ChannelErrors() {}

    static List<ChannelError> of(JsonNode owner) {
        List<JsonNode> errors = LenientJson.array(owner, "errors");
        return errors.isEmpty() ? List.of() : errors.stream().map(ChannelErrors::one).toList();
    }

    private static ChannelError one(JsonNode error) {
        int code = LenientJson.text(error, "code").map(ChannelErrors::parseCode).orElse(0);
        String title = LenientJson.nonBlank(error, "title").or(() -> LenientJson.nonBlank(error, "message")).orElse("");
        return new ChannelError(code, title, LenientJson.nonBlank(error, "message"),
                LenientJson.nonBlank(LenientJson.object(error, "error_data"), "details"));
    }

    private static int parseCode(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
