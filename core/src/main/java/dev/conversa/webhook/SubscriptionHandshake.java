package dev.conversa.webhook;

import dev.conversa.lang.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers Meta's subscription GET: with {@code hub.mode=subscribe} and a {@code hub.verify_token}
 * equal to the configured one (compared in constant time), 200 with {@code hub.challenge} echoed
 * verbatim as plain text; a wrong mode or token, 403; a missing parameter, 400. Immutable and
 * thread-safe.
 */
final class SubscriptionHandshake {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionHandshake.class);

    private final Secret verifyToken;

    // The reasons are constants: a refused handshake never logs what the caller sent.
    private static final String MISSING_PARAMETER = "hub.mode, hub.verify_token or hub.challenge is missing";
    private static final String WRONG_MODE = "hub.mode is not subscribe";
    private static final String WRONG_VALUE = "the verify token does not match";

    SubscriptionHandshake(Secret verifyToken) {
        this.verifyToken = verifyToken;
    }

    WebhookResponse answer(WebhookRequest request) {
        Optional<String> mode = request.queryParameter("hub.mode");
        Optional<String> token = request.queryParameter("hub.verify_token");
        Optional<String> challenge = request.queryParameter("hub.challenge");
        if (mode.isEmpty() || token.isEmpty() || challenge.isEmpty()) {
            LOG.warn("Webhook handshake refused: {}", MISSING_PARAMETER);
            return WebhookResponse.text(400, "hub.mode, hub.verify_token and hub.challenge are required");
        }
        boolean verifiedValue = verifyToken.matches(token.get());
        if (!"subscribe".equals(mode.get()) || !verifiedValue) {
            LOG.warn("Webhook handshake refused: {}", verifiedValue ? WRONG_MODE : WRONG_VALUE);
            return WebhookResponse.text(403, "verification failed");
        }
        LOG.info("Webhook subscription verified");
        return WebhookResponse.of(200, WebhookResponse.TEXT_PLAIN, challenge.get().getBytes(StandardCharsets.UTF_8));
    }
}
