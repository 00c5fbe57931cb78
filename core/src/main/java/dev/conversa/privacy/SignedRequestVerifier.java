package dev.conversa.privacy;

import dev.conversa.internal.crypto.HmacVerifier;
import dev.conversa.lang.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies Meta's {@code signed_request}: {@code base64url(signature) "." base64url(payload)},
 * where the signature is HMAC-SHA256 of the payload segment's ASCII bytes keyed by an app
 * secret, compared in constant time against every configured secret ({@link HmacVerifier}).
 * The signature is checked before the payload is parsed. Immutable and thread-safe.
 */
final class SignedRequestVerifier {

    private static final Duration FUTURE_SKEW = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HmacVerifier hmac;
    private final Duration maxAge;

    SignedRequestVerifier(List<Secret> appSecrets, Duration maxAge) {
        this.hmac = HmacVerifier.of(appSecrets);
        this.maxAge = maxAge;
    }

    /**
     * Verifies a signed request and returns the user it names.
     *
     * @throws Rejection with the reason when anything is wrong
     */
    String verify(String signedRequest, Instant now) {
        int dot = signedRequest.indexOf('.');
        if (dot <= 0 || dot == signedRequest.length() - 1 || signedRequest.indexOf('.', dot + 1) >= 0) {
            throw Rejection.badRequest("malformed signed_request: expected <signature>.<payload>");
        }
        String payloadSegment = signedRequest.substring(dot + 1);
        byte[] signature = decode(signedRequest.substring(0, dot), "signature");
        byte[] payload = decode(payloadSegment, "payload");
        if (!hmac.matches(signature, payloadSegment.getBytes(StandardCharsets.US_ASCII))) {
            throw Rejection.unauthorized("signed_request signature does not match for any configured app secret");
        }
        JsonNode fields = parse(payload);
        requireAlgorithm(fields);
        requireFresh(fields, now);
        return userId(fields);
    }

    private static byte[] decode(String segment, String name) {
        try {
            return Base64.getUrlDecoder().decode(segment.replace('+', '-').replace('/', '_'));
        } catch (IllegalArgumentException e) {
            throw Rejection.badRequest("malformed signed_request: the " + name + " is not base64url");
        }
    }

    private static JsonNode parse(byte[] payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            if (node == null || !node.isObject()) {
                throw Rejection.badRequest("malformed signed_request: the payload is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw Rejection.badRequest("malformed signed_request: the payload is not valid JSON");
        }
    }

    private static void requireAlgorithm(JsonNode fields) {
        JsonNode algorithm = fields.get("algorithm");
        if (algorithm == null || !algorithm.isString()
                || !algorithm.asString().toUpperCase(Locale.ROOT).equals("HMAC-SHA256")) {
            throw Rejection.badRequest("signed_request algorithm must be HMAC-SHA256");
        }
    }

    private void requireFresh(JsonNode fields, Instant now) {
        JsonNode issuedAt = fields.get("issued_at");
        if (issuedAt == null || !issuedAt.isIntegralNumber()) {
            throw Rejection.badRequest("signed_request payload has no numeric issued_at");
        }
        Instant issued = Instant.ofEpochSecond(issuedAt.asLong());
        if (issued.isBefore(now.minus(maxAge))) {
            throw Rejection.unauthorized("signed_request is too old: issued more than " + maxAge + " ago");
        }
        if (issued.isAfter(now.plus(FUTURE_SKEW))) {
            throw Rejection.unauthorized("signed_request issued_at is in the future");
        }
    }

    private static String userId(JsonNode fields) {
        JsonNode userId = fields.get("user_id");
        String value = userId == null ? "" : userId.isString() ? userId.asString()
                : userId.isIntegralNumber() ? userId.asString() : "";
        if (value.isBlank() || value.length() > 200) {
            throw Rejection.badRequest("signed_request payload has no user_id of 1-200 characters");
        }
        return value;
    }
}
