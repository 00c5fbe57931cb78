package dev.conversa.whatsapp;

import dev.conversa.graph.GraphApiException;
import java.util.Set;

/**
 * The WhatsApp Cloud API errors a host acts on, each with whether the same send may succeed
 * later.
 *
 * <table>
 * <caption>Codes and what to do</caption>
 * <tr><th>value</th><th>codes</th><th>retryable</th><th>what to do</th></tr>
 * <tr><td>{@link #OUTSIDE_WINDOW}</td><td>131047</td><td>no</td><td>send an approved template</td></tr>
 * <tr><td>{@link #UNDELIVERABLE}</td><td>131026</td><td>no</td><td>the number cannot receive it</td></tr>
 * <tr><td>{@link #PAIR_RATE_LIMIT}</td><td>131056</td><td>yes</td><td>wait before writing to this person again</td></tr>
 * <tr><td>{@link #THROUGHPUT_LIMIT}</td><td>130429, 131057, 80007, 4</td><td>yes</td><td>back off</td></tr>
 * <tr><td>{@link #SPAM_RATE_LIMIT}</td><td>131048</td><td>no</td><td>quality issue: stop sending</td></tr>
 * <tr><td>{@link #ACCESS_TOKEN}</td><td>190</td><td>no</td><td>renew the token</td></tr>
 * <tr><td>{@link #INVALID_PARAMETER}</td><td>100, 131008, 131009</td><td>no</td><td>fix the message</td></tr>
 * <tr><td>{@link #OTHER}</td><td>any other</td><td>as the Graph client decided</td><td>see the code</td></tr>
 * </table>
 *
 * @see <a href="https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes">Error codes</a>
 */
public enum WhatsAppError {
    /** The 24-hour customer-service window is closed: only templates may go. */
    OUTSIDE_WINDOW(false, Set.of(131047)),
    /** The message cannot be delivered to this user (not on WhatsApp, blocked, old app). */
    UNDELIVERABLE(false, Set.of(131026)),
    /** Too many messages to the same user in a short time. */
    PAIR_RATE_LIMIT(true, Set.of(131056)),
    /** The business number's or account's throughput was exceeded. */
    THROUGHPUT_LIMIT(true, Set.of(130429, 131057, 80007, 4)),
    /** Meta limited the number for spam-like sending. */
    SPAM_RATE_LIMIT(false, Set.of(131048)),
    /** The access token expired or is invalid. */
    ACCESS_TOKEN(false, Set.of(190)),
    /** The request was malformed. */
    INVALID_PARAMETER(false, Set.of(100, 131008, 131009)),
    /** Any other error. */
    OTHER(false, Set.of());

    private final boolean retryable;
    private final Set<Integer> codes;

    WhatsAppError(boolean retryable, Set<Integer> codes) {
        this.retryable = retryable;
        this.codes = codes;
    }

    /**
     * The error of a Meta error code.
     *
     * @param code Meta's error code
     * @return its value, {@link #OTHER} when not one of the above
     */
    public static WhatsAppError of(int code) {
        for (WhatsAppError error : values()) {
            if (error.codes.contains(code)) {
                return error;
            }
        }
        return OTHER;
    }

    /**
     * Classifies a Graph API failure.
     *
     * @param exception the failure
     * @return its value; {@link #OTHER} when it has no code or an unlisted one
     */
    public static WhatsAppError classify(GraphApiException exception) {
        if (exception instanceof WhatsAppException whatsApp) {
            return whatsApp.error();
        }
        return exception.code().isPresent() ? of(exception.code().getAsInt()) : OTHER;
    }

    /**
     * Whether the same send may succeed later; for {@link #OTHER} the Graph client's own
     * judgement applies instead.
     *
     * @return true if retrying can help
     */
    public boolean retryable() {
        return retryable;
    }
}
