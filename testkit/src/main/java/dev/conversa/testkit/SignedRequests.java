package dev.conversa.testkit;

import dev.conversa.lang.Secret;
import dev.conversa.webhook.WebhookRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The {@code signed_request} Meta posts to the data deletion and deauthorize callbacks:
 * {@code base64url(signature) "." base64url(payload)} without padding, where the signature is
 * HMAC-SHA256 of the payload segment's ASCII bytes keyed by the app secret, and the form POST
 * that carries it.
 *
 * <pre>{@code
 * WebhookRequest request = SignedRequests.builder()
 *         .appSecret(Secret.of("app-secret"))
 *         .userId("1234567890")
 *         .issuedAt(clock.instant())
 *         .build()
 *         .toRequest();
 * WebhookResponse response = dataDeletionCallback.handle(request);
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #toString()} shows no secret and no user id.
 *
 * @see <a href="https://developers.facebook.com/docs/development/create-an-app/app-dashboard/data-deletion-callback">Meta:
 *     data deletion request callback</a>
 */
public final class SignedRequests {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final Secret appSecret;
    private final String userId;
    private final String algorithm;
    private final Instant issuedAt;
    private final Optional<String> payloadJson;

    private SignedRequests(Builder builder) {
        this.appSecret = builder.appSecret;
        this.userId = builder.userId;
        this.algorithm = builder.algorithm;
        this.issuedAt = builder.issuedAt;
        this.payloadJson = Optional.ofNullable(builder.payloadJson);
    }

    /**
     * Starts a signed request; {@code appSecret} is required. By default it is for user {@code
     * 1234567890}, algorithm {@code HMAC-SHA256}, issued when this builder was started.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this request's settings, to build one that differs in some of them;
     * this request is left as it is.
     *
     * @return a new builder with this request's settings
     */
    public Builder toBuilder() {
        Builder builder = new Builder().appSecret(appSecret).userId(userId).algorithm(algorithm).issuedAt(issuedAt);
        payloadJson.ifPresent(builder::payloadJson);
        return builder;
    }

    /**
     * The signed request.
     *
     * @return {@code <signature>.<payload>}
     */
    public String signedRequest() {
        String json = payloadJson.orElseGet(() -> JsonNodeFactory.instance.objectNode()
                .put("algorithm", algorithm)
                .put("issued_at", issuedAt.getEpochSecond())
                .put("user_id", userId)
                .toString());
        String segment = BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
        return BASE64URL.encodeToString(hmac(segment)) + "." + segment;
    }

    /**
     * The form POST Meta makes with the signed request.
     *
     * @return the request, {@code application/x-www-form-urlencoded}
     */
    public WebhookRequest toRequest() {
        String body = "signed_request=" + URLEncoder.encode(signedRequest(), StandardCharsets.UTF_8);
        return WebhookRequest.builder().method("POST")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(body.getBytes(StandardCharsets.US_ASCII))
                .build();
    }

    /** Shows the algorithm and the issue time only. */
    @Override
    public String toString() {
        return "SignedRequests[" + (payloadJson.isPresent() ? "payloadJson" : algorithm + ", issuedAt=" + issuedAt)
                + "]";
    }

    private byte[] hmac(String segment) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(segment.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** Configures {@link SignedRequests}. Not thread-safe; build once. */
    public static final class Builder {

        private Secret appSecret;
        private String userId = "1234567890";
        private String algorithm = "HMAC-SHA256";
        private Instant issuedAt = Instant.now();
        private String payloadJson;

        private Builder() {
        }

        /**
         * Sets the app secret to sign with (required).
         *
         * @param appSecret the app secret the callback under test is configured with
         * @return this builder
         */
        public Builder appSecret(Secret appSecret) {
            this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
            return this;
        }

        /**
         * Sets the app-scoped user id.
         *
         * @param userId the user id
         * @return this builder
         */
        public Builder userId(String userId) {
            this.userId = Objects.requireNonNull(userId, "userId");
            return this;
        }

        /**
         * Sets the algorithm the payload names, to test refusals of others.
         *
         * @param algorithm such as {@code HMAC-SHA256}
         * @return this builder
         */
        public Builder algorithm(String algorithm) {
            this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        /**
         * Sets the issue time, written as Unix seconds.
         *
         * @param issuedAt when Meta issued the request
         * @return this builder
         */
        public Builder issuedAt(Instant issuedAt) {
            this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
            return this;
        }

        /**
         * Replaces the whole payload with any JSON text, which is signed as it is; user id,
         * algorithm and issue time are then ignored.
         *
         * @param payloadJson the payload
         * @return this builder
         */
        public Builder payloadJson(String payloadJson) {
            this.payloadJson = Objects.requireNonNull(payloadJson, "payloadJson");
            return this;
        }

        /**
         * Builds the signed request.
         *
         * @return it
         * @throws IllegalStateException if {@code appSecret} is missing
         */
        public SignedRequests build() {
            if (appSecret == null) {
                throw new IllegalStateException("appSecret is required: call SignedRequests.builder().appSecret(...)"
                        + " with the secret the callback under test is configured with");
            }
            return new SignedRequests(this);
        }
    }
}
