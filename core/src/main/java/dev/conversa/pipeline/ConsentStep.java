package dev.conversa.pipeline;

import dev.conversa.conversation.internal.Ownership;
import dev.conversa.internal.privacy.PersonConsent;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import dev.conversa.privacy.OptOutKeywords;
import dev.conversa.store.AuditEvent;
import dev.conversa.store.ConsentRecord;
import dev.conversa.store.Stores;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Step#CONSENT}: STOP and START. A text that is an opt-out keyword alone records an
 * opt-out of {@link ConsentRecord#ALL} (source {@link ConsentRecord#SOURCE_KEYWORD}, at the
 * message's time) and queues one confirmation; a START from a person who opted out records the
 * opt-in and queues its confirmation. The confirmation's outbox key is
 * {@code "consent:" + inbox entry id}, queued before the change is recorded, so a retried or
 * redelivered entry queues nothing twice and a crash in between loses nothing. Neither keyword
 * goes on to COALESCE or RESPOND.
 *
 * <p>Whether a keyword changes anything is decided by the person's changes strictly before the
 * message (so a retry of the same entry, whose change is at the message's own time, decides the
 * same way); an ordinary message counts as after a change in the same second (after a STOP: not
 * answered). An ordinary message costs one lookup of the person's consent.
 *
 * <p>While the person (any of their linked identities, on any channel) stands opted out, their
 * messages are recorded (a person may answer them) but never coalesced, and a reply task of
 * their conversation clears its due reply without calling the responder. A reply answered in
 * its message's pass decides on what that message's read found moments before in the same
 * unit of work, not on a second read. The send gate reads the consent again before each send
 * and refuses whatever automated message still reaches the outbox.
 */
final class ConsentStep implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentStep.class);
    /**
     * Set on an ordinary message's pass: whether the person stands opted out, as its one read
     * found (changes after the message's time included). The reply answered in the same pass
     * ({@link PipelineContext#replyPass()}) decides on it instead of reading again.
     */
    static final AttributeKey<Boolean> OPTED_OUT = AttributeKey.of("conversa.opted-out", Boolean.class);
    static final String KEYWORD_ACTION = "consent_keyword";

    private final Stores stores;
    private final SendQueue queue;
    private final Ownership ownership;
    private final KeywordsByTenant keywords;
    private final Clock clock;

    ConsentStep(Stores stores, SendQueue queue, Ownership ownership, KeywordsByTenant keywords, Clock clock) {
        this.stores = stores;
        this.queue = queue;
        this.ownership = ownership;
        this.keywords = keywords;
        this.clock = clock;
    }

    @Override
    public void handle(Context ctx, Chain next) {
        ConversationKey key = ctx.conversationKey();
        if (ctx.isReplyTask()) {
            if (ctx.attribute(OPTED_OUT).orElseGet(() -> optedOutNow(ctx.tenant(), key))) {
                ownership.replyDone(ctx.tenant(), key);
                return;
            }
        } else if (ctx.event().isPresent() && ctx.event().get() instanceof InboundMessage message) {
            Instant at = message.header().timestamp();
            Optional<OptOutKeywords.Match> keyword = message.content() instanceof Text text
                    ? keywords.of(ctx.tenant()).match(text.body()) : Optional.empty();
            List<ConsentRecord> changes = PersonConsent.changes(stores, ctx.tenant(), key.channel(), key.contactId(),
                    ConsentRecord.ALL);
            Optional<ConsentRecord> upToNow = PersonConsent.newest(changes, at.plusNanos(1));
            boolean optedOutNow = upToNow.filter(change -> !change.optedIn()).isPresent();
            if (keyword.isPresent()) {
                boolean optedOutBefore = upToNow.isPresent() && (upToNow.get().at().isBefore(at)
                        ? optedOutNow : optedOut(PersonConsent.newest(changes, at)));
                if (keyword.get().action() == OptOutKeywords.Action.OPT_OUT || optedOutBefore) {
                    change(ctx, message, keyword.get(), !optedOutBefore || keyword.get().action()
                            == OptOutKeywords.Action.OPT_IN);
                    return;
                }
            }
            if (optedOutNow) {
                LOG.debug("Recorded a message of a person who opted out; no automated reply");
                return;
            }
            ctx.attribute(OPTED_OUT, optedOut(PersonConsent.newest(changes, Instant.MAX)));
        }
        next.proceed();
    }

    private void change(Context ctx, InboundMessage message, OptOutKeywords.Match keyword, boolean confirm) {
        boolean optedIn = keyword.action() == OptOutKeywords.Action.OPT_IN;
        if (confirm) {
            if (ctx instanceof PipelineContext own) {
                own.checkLease();
            }
            queue.enqueue(ctx.tenant(), OutboundMessage.text(ctx.conversationKey(), keyword.confirmation())
                    .inReplyTo(message.messageId()), PersonConsent.CONFIRMATION_KEY_PREFIX + ctx.entryId(), false);
        }
        var header = message.header();
        stores.consents().record(new ConsentRecord(ctx.tenant(), header.channel(), header.contactId(),
                ConsentRecord.ALL, optedIn, header.timestamp(), ConsentRecord.SOURCE_KEYWORD));
        if (!optedIn) {
            ownership.replyDone(ctx.tenant(), ctx.conversationKey());
        }
        stores.audit().record(new AuditEvent(ctx.tenant(), clock.instant(), KEYWORD_ACTION, Map.of(
                "channel", header.channel().value(), "topic", ConsentRecord.ALL, "optedIn", Boolean.toString(optedIn),
                "language", keyword.language(), "inboxEntry", String.valueOf(ctx.entryId()))));
        LOG.info("A person opted {} by keyword on {} (inbox entry {})", optedIn ? "in" : "out", header.channel(),
                ctx.entryId());
    }

    private boolean optedOutNow(TenantId tenant, ConversationKey key) {
        return optedOut(PersonConsent.newest(stores, tenant, key.channel(), key.contactId(), ConsentRecord.ALL,
                Instant.MAX));
    }

    private static boolean optedOut(Optional<ConsentRecord> newest) {
        return newest.filter(change -> !change.optedIn()).isPresent();
    }

    /** The keywords of each tenant: a tenant's own, else the default. */
    record KeywordsByTenant(OptOutKeywords defaults, Map<TenantId, OptOutKeywords> perTenant) {

        KeywordsByTenant {
            perTenant = Map.copyOf(perTenant);
        }

        OptOutKeywords of(TenantId tenant) {
            return perTenant.getOrDefault(tenant, defaults);
        }
    }
}
