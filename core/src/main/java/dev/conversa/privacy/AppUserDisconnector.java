package dev.conversa.privacy;

import dev.conversa.model.TenantId;

/**
 * Disconnects every account an app user connected, as {@link DeauthorizeCallback} asks when the
 * user removes the app. {@code Conversa::disconnectAppUser} is the implementation hosts pass:
 *
 * <pre>{@code
 * DeauthorizeCallback.builder()...disconnector(conversa::disconnectAppUser).build();
 * }</pre>
 *
 * <p>Implementations are thread-safe and idempotent: disconnecting a user again disconnects
 * nothing more.
 */
@FunctionalInterface
public interface AppUserDisconnector {

    /**
     * Disconnects the accounts the app user connected in a tenant: their events stop being
     * processed at once and Meta's webhooks are unsubscribed where the channel allows it.
     *
     * @param tenant the business
     * @param appUserId the app-scoped user id of the business person who connected them
     * @return how many accounts were disconnected
     */
    int disconnect(TenantId tenant, String appUserId);
}
