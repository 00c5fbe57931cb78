package dev.conversa.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A webhook body that carried a valid signature but that its channel could not read. It was
 * acknowledged (Meta would otherwise deliver it again for days and may disable the
 * subscription) and kept here, so that nothing is dropped silently: the host can list it, and a
 * later version that understands its shape can process it again.
 *
 * <p>Dead letters belong to the Meta app rather than to a tenant: the account, and so the
 * tenant, is read from the body, which is what failed. {@link #toString()} leaves the body out,
 * as it may hold personal data.
 *
 * @param id the store's id, increasing in order of arrival
 * @param object the webhook's {@code "object"}, such as {@code whatsapp_business_account}
 * @param reason why it could not be read, without personal data
 * @param body the raw body as received (UTF-8 JSON)
 * @param receivedAt when it arrived
 */
public record DeadLetter(long id, String object, String reason, String body, Instant receivedAt) {

    /** Checks the fields are not null. */
    public DeadLetter {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    @Override
    public String toString() {
        return "DeadLetter[id=" + id + ", object=" + object + ", reason=" + reason + ", receivedAt=" + receivedAt
                + ", body=<" + body.length() + " chars>]";
    }
}
