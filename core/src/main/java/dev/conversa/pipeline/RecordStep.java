package dev.conversa.pipeline;

import dev.conversa.channel.AccountEventListener;
import dev.conversa.conversation.internal.ConversationUpdates;
import dev.conversa.conversation.internal.Ownership;
import dev.conversa.model.AccountEvent;
import dev.conversa.model.AccountLinking;
import dev.conversa.model.Author;
import dev.conversa.model.Checkout;
import dev.conversa.model.Contact;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.Deleted;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Direction;
import dev.conversa.model.Echo;
import dev.conversa.model.Edited;
import dev.conversa.model.GamePlay;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.MessageContent;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.OptIn;
import dev.conversa.model.PlatformError;
import dev.conversa.model.PolicyEnforcement;
import dev.conversa.model.SystemNotice;
import dev.conversa.model.TenantId;
import dev.conversa.model.Unsupported;
import dev.conversa.store.AuditEvent;
import dev.conversa.store.ConsentRecord;
import dev.conversa.store.Stores;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Step#RECORD}: stores what arrived. Every event is kept: messages (one written in a group
 * in the group's conversation, its member stored as the contact), echoes, edits and
 * deletions (the customer's, or the business's from another app) change the history; a channel's
 * {@link SystemNotice} is no message of the customer (see {@link #recordNotice}); consent changes go to the consent store (with the channel's
 * time, source {@code "channel"}) and, like platform errors, policy enforcements, account linking,
 * checkout, payment and game play events and unknown events, to the audit log (without personal
 * data); an {@link AccountEvent} (a business account's template, quality or ban) is recorded by
 * {@link AccountEvents}; the rest stays in the inbox as it arrived.
 */
final class RecordStep implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(RecordStep.class);

    /** The audit action of a channel's notice about a contact. */
    static final String NOTICE_ACTION = "contact_notice";

    /**
     * The conversation of a customer's message as this step wrote it, so that a later step of
     * the same unit that changes it again (COALESCE) need not read it back; should a step in
     * between have changed it, the later step's write is refused by its version and it reads
     * the conversation again ({@code ConversationUpdates}).
     */
    static final AttributeKey<Conversation> RECORDED = AttributeKey.of("conversa.recorded-conversation",
            Conversation.class);

    /**
     * The customer as this step stored them, for a customer's message outside a group, so that
     * the reply answered in the same pass ({@link PipelineContext#replyPass()}) gives the
     * responder that contact instead of reading it again.
     */
    static final AttributeKey<Contact> CONTACT = AttributeKey.of("conversa.recorded-contact", Contact.class);

    private final Stores stores;
    private final ConversationUpdates updates;
    private final Clock clock;
    private final OwnEchoes ownEchoes;
    private final Ownership ownership;
    private final AccountEvents accountEvents;

    RecordStep(Stores stores, Clock clock, OwnEchoes ownEchoes, Ownership ownership,
            List<AccountEventListener> accountListeners) {
        this.stores = stores;
        this.ownership = ownership;
        this.accountEvents = new AccountEvents(stores, accountListeners);
        this.ownEchoes = ownEchoes;
        this.updates = new ConversationUpdates(stores.conversations());
        this.clock = clock;
    }

    @Override
    public void handle(Context ctx, Chain next) {
        if (ctx.event().isPresent() && ctx.event().get() instanceof Echo echo) {
            boolean ours = ownEchoes.isOurs(ctx.tenant(), echo, stores.messages(), stores.outbox());
            ctx.attribute(OwnEchoes.OURS, ours);
            if (!ours) {
                recordEchoFromElsewhere(ctx.tenant(), echo);
            }
        } else if (ctx.event().isPresent()) {
            record(ctx, ctx.event().get(), clock.instant());
        }
        next.proceed();
    }

    private void record(Context ctx, InboundEvent event, Instant now) {
        TenantId tenant = ctx.tenant();
        if (event instanceof InboundMessage message) {
            recordInbound(ctx, message, now).ifPresent(written -> ctx.attribute(RECORDED, written));
        } else if (event instanceof Deleted deleted) {
            stores.messages().delete(tenant, deleted.header().channel(), deleted.messageId());
        } else if (event instanceof Edited edited) {
            stores.messages().edit(tenant, edited.header().channel(), edited.messageId(), edited.content().kind(),
                    text(edited.content()));
        } else if (event instanceof OptIn optIn) {
            recordConsent(tenant, optIn);
            audit(tenant, now, "channel_consent", event, Map.of("topic", optIn.topic(),
                    "optedIn", Boolean.toString(optIn.optedIn())));
        } else if (event instanceof PlatformError error) {
            LOG.warn("The {} channel reported errors with codes {}", event.header().channel(), codes(error));
            audit(tenant, now, "platform_error", event, Map.of("codes", codes(error)));
        } else if (event instanceof PolicyEnforcement enforcement) {
            LOG.warn("Meta's policy enforcement on {} account {}: {}", event.header().channel(),
                    event.header().accountId(), enforcement.action());
            audit(tenant, now, "policy_enforcement", event, Map.of("action", enforcement.action().name(),
                    "accountId", event.header().accountId()));
        } else if (event instanceof AccountLinking || event instanceof Checkout || event instanceof GamePlay) {
            audit(tenant, now, "channel_event", event, Map.of("kind", event.kind()));
        } else if (event instanceof AccountEvent accountEvent) {
            accountEvents.record(tenant, accountEvent, now);
        } else if (event instanceof Unsupported unsupported) {
            LOG.warn("Recorded an unsupported {} event of type '{}' in the audit log",
                    event.header().channel(), unsupported.type());
            audit(tenant, now, "unsupported_event", event, Map.of("type", unsupported.type()));
        } else {
            LOG.debug("Kept a {} event without changing the history", event.kind());
        }
    }

    /** Records a customer's message; returns its conversation as written, unless another write followed. */
    private Optional<Conversation> recordInbound(Context ctx, InboundMessage message, Instant now) {
        TenantId tenant = ctx.tenant();
        if (message.content() instanceof SystemNotice notice) {
            recordNotice(tenant, message, notice, now);
            return Optional.empty();
        }
        var header = message.header();
        // in a group the conversation is the group's; the person is the member who wrote
        String person = header.participant().orElse(header.contactId());
        Contact stored = stores.contacts().upsert(new Contact(tenant, header.channel(), person,
                message.sender().name(), message.sender().username(), message.sender().phoneNumber(), now));
        if (header.participant().isEmpty()) {
            ctx.attribute(CONTACT, stored);
        }
        boolean[] reopened = new boolean[1];
        Conversation written = updates.apply(tenant, message.conversation(), now, current -> {
            var changed = current.withLastInboundAt(header.timestamp(), now);
            reopened[0] = current.state() == ConversationState.CLOSED;
            return reopened[0] ? changed.withState(ConversationState.BOT, now) : changed;
        });
        if (reopened[0]) {
            ownership.reopenedByCustomer(tenant, message.conversation());
        }
        stores.messages().appendNotBeforeLatest(new MessageRecord(tenant, message.conversation(),
                message.messageId(), Direction.INBOUND, Author.CUSTOMER, message.content().kind(),
                text(message.content()), DeliveryStatus.DELIVERED, header.timestamp()));
        return reopened[0] ? Optional.empty() : Optional.of(written);
    }

    /**
     * Records a channel's notice about the customer: an audit entry {@value #NOTICE_ACTION} with
     * its {@code noticeType} (naming nobody), for the host to act on, such as a changed identity.
     * A notice that carries another id for the customer (a changed number) moves the contact: the
     * contact of the new id is stored, named as the old one, and the new id's conversation starts
     * with the notice, whose text (the channel's, naming both numbers) links it to the old one;
     * the old id becomes a former id of the new contact ({@code ContactStore.link}), so erasure
     * and export by either id reach both; the old contact and its history stay as they are.
     * Nothing else changes: no message of the old conversation, no 24-hour window, no reply.
     */
    private void recordNotice(TenantId tenant, InboundMessage message, SystemNotice notice, Instant now) {
        var header = message.header();
        LOG.info("The {} channel sent a '{}' notice about a contact", header.channel(), notice.noticeType());
        audit(tenant, now, NOTICE_ACTION, message, Map.of("noticeType", notice.noticeType()));
        Optional<String> newId = notice.newContactId().filter(id -> !id.equals(header.contactId()));
        if (newId.isEmpty()) {
            return;
        }
        Optional<Contact> old = stores.contacts().find(tenant, header.channel(), header.contactId());
        boolean idIsNumber = message.sender().phoneNumber().filter(header.contactId()::equals).isPresent()
                || old.flatMap(Contact::phoneNumber).filter(header.contactId()::equals).isPresent();
        stores.contacts().upsert(new Contact(tenant, header.channel(), newId.get(),
                old.flatMap(Contact::name).or(() -> message.sender().name()),
                old.flatMap(Contact::username).or(() -> message.sender().username()),
                idIsNumber ? newId : Optional.empty(), now));
        stores.contacts().link(tenant, header.channel(), newId.get(), header.contactId());
        ConversationKey moved = new ConversationKey(header.channel(), header.accountId(), newId.get());
        updates.apply(tenant, moved, now, current -> current);
        stores.messages().appendNotBeforeLatest(new MessageRecord(tenant, moved, message.messageId(),
                Direction.INBOUND, Author.CUSTOMER, notice.kind(),
                notice.body().isBlank() ? Optional.empty() : Optional.of(notice.body()), DeliveryStatus.DELIVERED,
                header.timestamp()));
    }

    /** Stores a message the business sent from elsewhere; a redelivered echo is stored once. */
    private void recordEchoFromElsewhere(TenantId tenant, Echo echo) {
        var header = echo.header();
        stores.messages().appendNotBeforeLatest(new MessageRecord(tenant, echo.conversation(), header.externalId(),
                Direction.OUTBOUND, Author.BUSINESS_ELSEWHERE, echo.content().kind(), text(echo.content()),
                DeliveryStatus.SENT, header.timestamp()));
    }

    private void recordConsent(TenantId tenant, OptIn optIn) {
        var header = optIn.header();
        stores.consents().record(new ConsentRecord(tenant, header.channel(), header.contactId(), optIn.topic(),
                optIn.optedIn(), header.timestamp(), ConsentRecord.SOURCE_CHANNEL));
    }

    private void audit(TenantId tenant, Instant now, String action, InboundEvent event, Map<String, String> extra) {
        var details = new HashMap<>(extra);
        details.put("channel", event.header().channel().value());
        details.put("eventId", event.header().externalId());
        stores.audit().record(new AuditEvent(tenant, now, action, details));
    }

    private static String codes(PlatformError error) {
        return error.errors().stream().map(e -> String.valueOf(e.code())).collect(Collectors.joining(","));
    }

    static Optional<String> text(MessageContent content) {
        String text = content.readableText();
        return text == null || text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
