package dev.conversa.testkit;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answers the stand-in gives like Meta: send results of WhatsApp and Messenger/Instagram,
 * {@code {"success":true}} for read markers and sender actions, and Meta's error JSON.
 */
final class MetaAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern NOT_A_DIGIT = Pattern.compile("\\D");

    private MetaAnswers() {
    }

    /** Answers {@code POST /{version}/{id}/messages} by the shape of its body. */
    static Answer messages(RecordedRequest request) {
        Optional<JsonNode> body = parse(request.body());
        if (body.isEmpty()) {
            return error(400, 100, null, "(#100) The request body is not a JSON object", null);
        }
        JsonNode json = body.get();
        if (json.has("messaging_product")) {
            return json.has("status") ? success() : whatsAppSent(json);
        }
        return json.has("sender_action") ? success() : messengerSent(json);
    }

    /** Whether a request sends a message, rather than a marker (typing, read) or anything else. */
    static boolean isMessage(RecordedRequest request) {
        Optional<JsonNode> body = parse(request.body());
        if (body.isEmpty() || !request.method().equals("POST") || !request.path().endsWith("/messages")) {
            return false;
        }
        JsonNode json = body.get();
        return json.has("messaging_product") ? !json.has("status") : json.has("message");
    }

    /** The message id an answer gives, when it is a successful send. */
    static Optional<String> messageId(Answer answer) {
        if (answer.status() != 200) {
            return Optional.empty();
        }
        return parse(answer.json()).flatMap(json -> {
            JsonNode id = json.has("message_id") ? json.path("message_id") : json.path("messages").path(0).path("id");
            return id.isString() ? Optional.of(id.asString()) : Optional.empty();
        });
    }

    /** HTTP 429 with WhatsApp's throughput code 130429, or Messenger's 613. */
    static Answer rateLimited(RecordedRequest request) {
        return isWhatsApp(request)
                ? error(429, 130429, null, "(#130429) Rate limit hit", "Cloud API message throughput has been reached.")
                : error(429, 613, null, "(#613) Calls to this API have exceeded the rate limit.", null);
    }

    /** HTTP 401 with code 190, subcode 463. */
    static Answer expiredToken(RecordedRequest request) {
        return error(401, 190, 463, "Error validating access token: Session has expired.", null);
    }

    /** HTTP 400 with WhatsApp's re-engagement code 131047, or Messenger's 10 / 2018278. */
    static Answer outsideWindow(RecordedRequest request) {
        return isWhatsApp(request)
                ? error(400, 131047, null, "(#131047) Re-engagement message", "Message failed to send because more"
                        + " than 24 hours have passed since the customer last replied to this number.")
                : error(400, 10, 2018278, "(#10) This message is sent outside of allowed window.", null);
    }

    private static boolean isWhatsApp(RecordedRequest request) {
        return parse(request.body()).map(json -> json.has("messaging_product")).orElse(false);
    }

    static Answer success() {
        return new Answer(200, "{\"success\":true}");
    }

    static Answer unknownEndpoint(RecordedRequest request) {
        return error(400, 100, 33, "(#100) Unsupported " + request.method().toLowerCase(Locale.ROOT)
                + " request: the Graph stand-in has no answer for " + request.path(), null);
    }

    /**
     * Meta's error body.
     *
     * @param details WhatsApp's {@code error_data.details}, or null for none
     */
    static Answer error(int status, int code, Integer subcode, String message, String details) {
        ObjectNode error = JSON.createObjectNode();
        error.put("message", message);
        error.put("type", "OAuthException");
        error.put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        if (details != null) {
            error.putObject("error_data").put("messaging_product", "whatsapp").put("details", details);
        }
        error.put("fbtrace_id", "StandIn" + uniqueId().substring(0, 12));
        ObjectNode root = JSON.createObjectNode();
        root.set("error", error);
        return new Answer(status, JSON.writeValueAsString(root));
    }

    /** The answer to a message send, giving it this id. */
    static Answer sent(RecordedRequest request, String messageId) {
        JsonNode json = parse(request.body()).orElseThrow();
        return json.has("messaging_product") ? whatsAppSent(json, messageId) : messengerSent(json, messageId);
    }

    private static Answer whatsAppSent(JsonNode json) {
        return whatsAppSent(json, "wamid." + uniqueId());
    }

    private static Answer whatsAppSent(JsonNode json, String messageId) {
        String to = json.path("to").asString("");
        ObjectNode root = JSON.createObjectNode().put("messaging_product", "whatsapp");
        root.putArray("contacts").addObject().put("input", to).put("wa_id", NOT_A_DIGIT.matcher(to).replaceAll(""));
        root.putArray("messages").addObject().put("id", messageId);
        return new Answer(200, JSON.writeValueAsString(root));
    }

    private static Answer messengerSent(JsonNode json) {
        return messengerSent(json, "m_" + uniqueId());
    }

    private static Answer messengerSent(JsonNode json, String messageId) {
        ObjectNode root = JSON.createObjectNode();
        JsonNode recipient = json.path("recipient").path("id");
        if (!recipient.isMissingNode() && !recipient.isNull()) {
            root.put("recipient_id", recipient.asString());
        }
        root.put("message_id", messageId);
        return new Answer(200, JSON.writeValueAsString(root));
    }

    private static Optional<JsonNode> parse(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json != null && json.isObject() ? Optional.of(json) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static String uniqueId() {
        UUID id = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }
}
