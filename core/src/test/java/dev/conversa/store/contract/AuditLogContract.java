package dev.conversa.store.contract;

import static dev.conversa.store.contract.Samples.TENANT_A;
import static dev.conversa.store.contract.Samples.TENANT_B;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.store.AuditEvent;
import dev.conversa.store.AuditLog;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of {@link AuditLog}: append only, newest first, per tenant. */
public abstract class AuditLogContract extends StoreContract {

    private AuditLog audit() {
        return stores.audit();
    }

    private AuditEvent event(String action, long second) {
        return new AuditEvent(TENANT_A, inSeconds(second), action, Map.of("count", "1"));
    }

    @Test
    void listReturnsTheNewestEventsFirst() {
        audit().record(event("erasure", 1));
        audit().record(event("purge", 3));
        audit().record(event("handoff", 2));

        assertThat(audit().list(TENANT_A, 10)).extracting(AuditEvent::action)
                .containsExactly("purge", "handoff", "erasure");
    }

    @Test
    void listReturnsNoMoreThanTheLimit() {
        audit().record(event("erasure", 1));
        audit().record(event("purge", 2));

        assertThat(audit().list(TENANT_A, 1)).extracting(AuditEvent::action).containsExactly("purge");
    }

    @Test
    void eventsAreKeptExactly() {
        AuditEvent event = new AuditEvent(TENANT_A, now(), "erasure", Map.of("messages", "12", "request", "r-1"));

        audit().record(event);

        assertThat(audit().list(TENANT_A, 10)).containsExactly(event);
    }

    @Test
    void aTenantSeesOnlyItsOwnEvents() {
        audit().record(event("erasure", 1));
        audit().record(new AuditEvent(TENANT_B, now(), "purge", Map.of()));

        assertThat(audit().list(TENANT_B, 10)).extracting(AuditEvent::action).containsExactly("purge");
        assertThat(audit().list(TENANT_A, 10)).extracting(AuditEvent::action).containsExactly("erasure");
    }

    @Test
    void deleteRemovesTheMatchingEventsOfOneTenantOnly() {
        audit().record(new AuditEvent(TENANT_A, START, "channel_consent", Map.of("eventId", "optin:psid-1:1")));
        audit().record(new AuditEvent(TENANT_A, START.plusSeconds(1), "channel_consent",
                Map.of("eventId", "optin:psid-2:1")));
        audit().record(new AuditEvent(TENANT_B, START, "channel_consent", Map.of("eventId", "optin:psid-1:1")));

        int removed = audit().delete(TENANT_A, event -> event.details().getOrDefault("eventId", "").contains("psid-1"));

        assertThat(removed).isEqualTo(1);
        assertThat(audit().list(TENANT_A, 10)).extracting(event -> event.details().get("eventId"))
                .containsExactly("optin:psid-2:1");
        assertThat(audit().list(TENANT_B, 10)).hasSize(1);
    }
}
