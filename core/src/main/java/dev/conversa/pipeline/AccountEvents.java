package dev.conversa.pipeline;

import dev.conversa.channel.AccountEventListener;
import dev.conversa.channel.ChannelAccount;
import dev.conversa.model.AccountEvent;
import dev.conversa.model.MessageTemplate;
import dev.conversa.model.TenantId;
import dev.conversa.store.AuditEvent;
import dev.conversa.store.Stores;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records an {@link AccountEvent} for the RECORD step: an audit entry {@value #ACTION} (type,
 * status, alert, template; no personal data), the template catalogue (a status change updates or
 * adds the template, a category change updates a known one), the sending limit (a ban or
 * restriction stops the sends the send gate checks; a reinstatement lifts it), then the host's
 * {@link AccountEventListener}s. Alerts are logged at WARN. Thread-safe.
 */
final class AccountEvents {

    private static final Logger LOG = LoggerFactory.getLogger(AccountEvents.class);

    /** The audit action of an account event. */
    static final String ACTION = "account_event";

    private final Stores stores;
    private final List<AccountEventListener> listeners;

    AccountEvents(Stores stores, List<AccountEventListener> listeners) {
        this.stores = stores;
        this.listeners = List.copyOf(listeners);
    }

    void record(TenantId tenant, AccountEvent event, Instant now) {
        var header = event.header();
        String business = event.businessAccountId();
        Map<String, String> details = new HashMap<>();
        details.put("channel", header.channel().value());
        details.put("eventId", header.externalId());
        details.put("businessAccountId", business);
        details.put("type", event.type().field());
        details.put("status", event.status());
        details.put("alert", Boolean.toString(event.alert()));
        event.template().ifPresent(t -> {
            details.put("template", t.name());
            details.put("language", t.language());
        });
        event.sendingLimit().ifPresent(limit -> details.put("sendingLimit", limit.reason()));
        stores.audit().record(new AuditEvent(tenant, now, ACTION, details));
        if (event.alert()) {
            LOG.warn("The {} channel reported {} {} for business account {}{}", header.channel(),
                    event.type().field(), event.status(), business,
                    event.template().map(t -> " (template " + t.name() + " " + t.language() + ")").orElse(""));
        } else {
            LOG.info("The {} channel reported {} {} for business account {}", header.channel(), event.type().field(),
                    event.status(), business);
        }
        updateCatalogue(tenant, event);
        event.sendingLimit().ifPresent(limit -> stores.accounts().saveSendingLimit(tenant, header.channel(),
                business, limit));
        tell(tenant, event);
    }

    private void updateCatalogue(TenantId tenant, AccountEvent event) {
        if (event.template().isEmpty()) {
            return;
        }
        AccountEvent.TemplateRef ref = event.template().get();
        var channel = event.header().channel();
        String business = event.businessAccountId();
        Optional<MessageTemplate> known = stores.accounts().findTemplate(tenant, channel, business, ref.name(),
                ref.language());
        if (event.type() == AccountEvent.Type.TEMPLATE_STATUS) {
            Optional<String> category = Optional.ofNullable(event.details().get("message_template_category"));
            MessageTemplate changed = known.map(t -> t.withStatus(event.status()))
                    .orElseGet(() -> new MessageTemplate(ref.name(), ref.language(), event.status(), category,
                            Optional.empty(), ref.id()));
            stores.accounts().saveTemplate(tenant, channel, business, category.map(changed::withCategory)
                    .orElse(changed));
        } else if (event.type() == AccountEvent.Type.TEMPLATE_CATEGORY && known.isPresent()) {
            stores.accounts().saveTemplate(tenant, channel, business, known.get().withCategory(event.status()));
        }
    }

    private void tell(TenantId tenant, AccountEvent event) {
        if (listeners.isEmpty()) {
            return;
        }
        List<ChannelAccount> accounts = stores.accounts().findByBusinessAccountId(tenant, event.header().channel(),
                event.businessAccountId());
        for (AccountEventListener listener : listeners) {
            try {
                listener.accountEvent(tenant, event, accounts);
            } catch (RuntimeException e) {
                LOG.warn("An AccountEventListener failed with {}; the account event stays recorded",
                        e.getClass().getName());
                LOG.debug("An AccountEventListener failed", e);
            }
        }
    }
}
