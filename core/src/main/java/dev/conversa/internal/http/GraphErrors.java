package dev.conversa.internal.http;

import dev.conversa.graph.GraphApiException;
import dev.conversa.lang.Secret;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns failed calls into {@link GraphApiException}s: Meta's error body
 * {@code {"error":{"message","type","code","error_subcode","fbtrace_id","error_data"}}} when
 * there is one, a generic message otherwise. Messages are scrubbed of the access token and of
 * long digit runs (phone numbers), and kept short.
 */
final class GraphErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\d{7,}");
    private static final int MAX_TEXT = 300;

    private final Clock clock;

    GraphErrors(Clock clock) {
        this.clock = clock;
    }

    /**
     * Maps an error answer. For a read, retryable follows {@link RetryPolicy#isRetryable}; for
     * anything else (a send), retryable only when the answer proves nothing was done, and the
     * outcome is unknown when Meta may have acted before it failed (5xx, 408, temporary codes).
     */
    GraphApiException fromResponse(int status, byte[] body, String retryAfterHeader, Secret token, String method) {
        JsonNode error = parseError(body);
        Integer code = error == null ? null : integer(error.get("code"));
        Integer subcode = error == null ? null : integer(error.get("error_subcode"));
        String type = error == null ? null : text(error.get("type"));
        String trace = error == null ? null : text(error.get("fbtrace_id"));
        String message = error == null
                ? "Graph API answered HTTP " + status + " without a Graph error body"
                : describe(status, code, subcode, type, trace) + scrub(text(error.get("message")), token)
                        + details(error.get("error_data"), token);
        boolean read = isRead(method);
        boolean unknown = !read && RetryPolicy.mayHaveTakenEffect(status, code);
        return GraphApiException.builder(unknown ? message + "; the call may have taken effect, so it is not repeated"
                        : message)
                .httpStatus(status).code(code).subcode(subcode).type(type).fbtraceId(trace)
                .retryAfter(RetryPolicy.parseRetryAfter(retryAfterHeader, clock).orElse(null))
                .retryable(read ? RetryPolicy.isRetryable(status, code) : RetryPolicy.isRefusedUndone(status, code))
                .outcomeUnknown(unknown)
                .build();
    }

    /** Nothing reached the server (a refused connection): safe to repeat, nothing was done. */
    static GraphApiException noResponse(String what, boolean retryable, Throwable cause) {
        return GraphApiException.builder(what).retryable(retryable).cause(cause).build();
    }

    /**
     * No answer came to a request that reached the server, or may have (a timeout, a reset, an
     * interrupt). A GET is safe to repeat; anything else may have taken effect (Meta's Send API
     * has no idempotency key), so it is not repeated and its outcome is unknown.
     */
    static GraphApiException noAnswer(String what, String method, Throwable cause) {
        boolean safeToRepeat = isRead(method);
        return GraphApiException.builder(safeToRepeat ? what : what + "; the call may have taken effect, so it is "
                        + "not repeated")
                .retryable(safeToRepeat).outcomeUnknown(!safeToRepeat).cause(cause).build();
    }

    static boolean isRead(String method) {
        return "GET".equals(method);
    }

    private static JsonNode parseError(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode error = root == null ? null : root.get("error");
            return error != null && error.isObject() ? error : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String describe(int status, Integer code, Integer subcode, String type, String trace) {
        StringBuilder text = new StringBuilder("Graph API error (HTTP ").append(status);
        if (code != null) {
            text.append(", code ").append(code);
        }
        if (subcode != null) {
            text.append(", subcode ").append(subcode);
        }
        if (type != null) {
            text.append(", type ").append(type);
        }
        if (trace != null) {
            text.append(", fbtrace_id ").append(trace);
        }
        return text.append("): ").toString();
    }

    private static String details(JsonNode errorData, Secret token) {
        String details = errorData == null ? null : text(errorData.get("details"));
        return details == null ? "" : " (" + scrub(details, token) + ")";
    }

    private static String scrub(String text, Secret token) {
        if (text == null) {
            return "no message";
        }
        String clean = text.replace(token.reveal(), "***");
        clean = DIGIT_RUN.matcher(clean).replaceAll("[number]");
        return clean.length() > MAX_TEXT ? clean.substring(0, MAX_TEXT) + "..." : clean;
    }

    private static Integer integer(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isString() && node.asString().matches("\\d{1,9}")) {
            return Integer.valueOf(node.asString());
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asString();
    }
}
