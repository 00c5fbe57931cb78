package dev.conversa.observe;

import dev.conversa.model.PolicyEnforcement;
import dev.conversa.model.TenantId;

/**
 * Hears Meta's policy enforcement on a business account (Messenger's
 * {@code messaging_policy_enforcement}): a warning, a block or an unblock of a Page. A blocked
 * account sends nothing until Meta unblocks it or the host registers it again (with a new
 * token); its messages wait in the outbox with the reason. The host should tell the business.
 *
 * <p>Called on a pipeline worker thread once the event is recorded, at least once per event (a
 * retried inbox entry may call it again). An exception thrown by the listener is logged at WARN
 * and ignored; it never changes the work.
 *
 * <pre>{@code
 * Conversa conversa = Conversa.builder()
 *     .policyEnforcementListener((tenant, enforcement) -> alerts.page(tenant,
 *         enforcement.header().accountId(), enforcement.action(), enforcement.reason()))
 *     ...
 * }</pre>
 */
@FunctionalInterface
public interface PolicyEnforcementListener {

    /**
     * Meta warned, blocked or unblocked an account.
     *
     * @param tenant the business the account belongs to
     * @param enforcement what Meta did and why; its header names the account
     */
    void policyEnforced(TenantId tenant, PolicyEnforcement enforcement);
}
