package dev.conversa.channel;

import dev.conversa.model.AccountEvent;
import dev.conversa.model.TenantId;
import java.util.List;

/**
 * Hears what a channel said about a business account rather than a customer: a template
 * approved, rejected or paused, a quality drop, the account banned, restricted or reinstated, a
 * number flagged ({@link AccountEvent}; {@link AccountEvent#alert()} marks those the host should
 * act on). Registered with {@code Conversa.builder().accountListener(...)}.
 *
 * <p>Called after the event was recorded (the audit log, the template catalogue, the sending
 * limit), once per tenant whose accounts the business account groups, on a dispatcher thread. An
 * exception is logged and ignored: the event stays recorded. A webhook Meta delivers twice is
 * heard once; after a crash mid-processing it may be heard again. Implementations must be
 * thread-safe and should be quick.
 *
 * <pre>{@code
 * Conversa.builder().accountListener((tenant, event, accounts) -> {
 *     if (event.alert()) {
 *         operations.page(tenant, event.type() + " " + event.status());
 *     }
 * });
 * }</pre>
 */
@FunctionalInterface
public interface AccountEventListener {

    /**
     * Hears a recorded account event.
     *
     * @param tenant the business the event was routed to
     * @param event what the channel said
     * @param accounts the tenant's registered accounts grouped under the event's business account
     *     (every number of the WhatsApp Business Account); the event's
     *     {@link AccountEvent#phoneNumber()} names the one number it is about, when it is
     */
    void accountEvent(TenantId tenant, AccountEvent event, List<ChannelAccount> accounts);
}
