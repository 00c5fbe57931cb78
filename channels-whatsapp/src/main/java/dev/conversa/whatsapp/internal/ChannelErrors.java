package dev.conversa.whatsapp.internal;

import dev.conversa.model.ChannelError;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads WhatsApp's {@code errors[]} arrays. */
final class ChannelErrors {

    private ChannelErrors() {}

    static List<ChannelError> of(JsonNode owner) {
        return Nodes.array(owner, "errors").stream().map(ChannelErrors::one).toList();
    }

    private static ChannelError one(JsonNode error) {
        int code = Nodes.text(error, "code").map(ChannelErrors::parseCode).orElse(0);
        String title = Nodes.nonBlank(error, "title").or(() -> Nodes.nonBlank(error, "message")).orElse("");
        return new ChannelError(code, title, Nodes.nonBlank(error, "message"),
                Nodes.nonBlank(Nodes.object(error, "error_data"), "details"));
    }

    private static int parseCode(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
