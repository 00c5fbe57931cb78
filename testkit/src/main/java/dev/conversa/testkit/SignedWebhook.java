package dev.conversa.testkit;

import dev.conversa.lang.Secret;
import dev.conversa.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the {@link WebhookRequest} of a webhook POST signed as Meta signs it, from JSON text
 * or raw bytes. Channel modules build their payload builders on top of it; a test that needs a
 * broken signature sets it with {@link Builder#signatureHeader}.
 *
 * <pre>{@code
 * WebhookRequest request = SignedWebhook.builder()
 *     .appSecret(Secret.of("app-secret"))
 *     .metaJson(payloadJson)        // escaped like Meta: "\u00e4", "\/"
 *     .build();
 * }</pre>
 */
public final class SignedWebhook {

    private SignedWebhook() {
    }

    /**
     * Starts a signed request; {@code appSecret} is required.
     *
     * @return a new builder, with no body and no extra header
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A signed POST of JSON text, sent as UTF-8 exactly as given.
     *
     * @param appSecret the app secret
     * @param json the body
     * @return the request
     */
    public static WebhookRequest post(Secret appSecret, String json) {
        return builder().appSecret(appSecret).json(json).build();
    }

    /**
     * Builds one signed request. Not thread-safe.
     */
    public static final class Builder {

        private Secret appSecret;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body = new byte[0];
        private String signatureHeader;

        private Builder() {
        }

        /**
         * Sets the app secret to sign with (required).
         *
         * @param appSecret the app secret the handler under test is configured with
         * @return this builder
         */
        public Builder appSecret(Secret appSecret) {
            this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
            return this;
        }

        /**
         * Sets the body to JSON text, sent as UTF-8 exactly as given.
         *
         * @param json the body
         * @return this builder
         */
        public Builder json(String json) {
            return body(json.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Sets the body to JSON text written as Meta writes it: non-ASCII characters as
         * lowercase {@code \}{@code u} escapes and {@code /} as {@code \/}. The signature covers
         * the escaped bytes, as Meta's does.
         *
         * @param json the body, with or without escapes
         * @return this builder
         */
        public Builder metaJson(String json) {
            return json(MetaEscaping.escape(json));
        }

        /**
         * Sets the raw body.
         *
         * @param body the bytes exactly as they will be sent
         * @return this builder
         */
        public Builder body(byte[] body) {
            this.body = Objects.requireNonNull(body, "body").clone();
            return this;
        }

        /**
         * Adds a header, replacing one of the same name.
         *
         * @param name the name
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sends this {@code X-Hub-Signature-256} value instead of the correct one, to test
         * rejection.
         *
         * @param value the header value to send
         * @return this builder
         */
        public Builder signatureHeader(String value) {
            this.signatureHeader = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Builds the POST with {@code Content-Type: application/json} and the signature header.
         *
         * @return the request
         * @throws IllegalStateException if {@code appSecret} is missing
         */
        public WebhookRequest build() {
            if (appSecret == null) {
                throw new IllegalStateException("appSecret is required: call SignedWebhook.builder().appSecret(...)"
                        + " with the secret the handler under test is configured with");
            }
            String signature = signatureHeader != null ? signatureHeader : WebhookSigner.of(appSecret).sign(body);
            WebhookRequest.Builder request = WebhookRequest.builder()
                    .method("POST")
                    .header("Content-Type", "application/json")
                    .header(WebhookSigner.HEADER, signature);
            headers.forEach(request::header);
            return request.body(body).build();
        }
    }
}
