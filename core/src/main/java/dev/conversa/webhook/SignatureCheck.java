package dev.conversa.webhook;

/**
 * The outcome of checking a POST's {@code X-Hub-Signature-256}, with the reason sent back in the
 * body of a 401. No reason echoes a secret, the header or the body.
 */
enum SignatureCheck {
    VALID(""),
    MISSING("missing X-Hub-Signature-256 header"),
    SHA1_ONLY("missing X-Hub-Signature-256 header (X-Hub-Signature with SHA-1 is not accepted)"),
    BAD_FORMAT("malformed X-Hub-Signature-256 header: expected sha256= and 64 hex digits"),
    EMPTY_BODY("empty body: there is nothing signed to accept"),
    MISMATCH("X-Hub-Signature-256 does not match the body for any configured app secret");

    private final String reason;

    SignatureCheck(String reason) {
        this.reason = reason;
    }

    /** Why the request was refused; empty for {@link #VALID}. */
    String reason() {
        return reason;
    }
}
