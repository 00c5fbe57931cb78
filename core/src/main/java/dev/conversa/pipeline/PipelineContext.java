package dev.conversa.pipeline;

import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.OutboundContent;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.TenantId;
import dev.conversa.store.ConversationStore;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.LeaseLostException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** The context of one inbox entry. Used by one thread at a time. */
final class PipelineContext implements Context {

    private final InboxEntry entry;
    private final ConversationStore conversations;
    private final SendQueue queue;
    private final Clock clock;
    private final Map<AttributeKey<?>, Object> attributes = new HashMap<>();
    private final BooleanSupplier leaseHeld;
    private int sends;
    private Optional<Instant> deferredUntil = Optional.empty();

    PipelineContext(InboxEntry entry, ConversationStore conversations, SendQueue queue, Clock clock,
            BooleanSupplier leaseHeld) {
        this.entry = entry;
        this.conversations = conversations;
        this.queue = queue;
        this.clock = clock;
        this.leaseHeld = leaseHeld;
    }

    /**
     * The context of the reply this entry's pass found due at once, answered right after it:
     * a reply task ({@link #isReplyTask()}) under this entry's id and claim, whose
     * {@link #send} keys go on from this context's, so the two passes' sends stay apart, and
     * which keeps the consent this pass read ({@link ConsentStep#OPTED_OUT}) and the contact it
     * stored ({@link RecordStep#CONTACT}).
     */
    PipelineContext replyPass() {
        InboxEntry task = new InboxEntry(entry.id(), entry.tenant(), entry.conversation(), Optional.empty(),
                entry.notBefore(), entry.attempts(), entry.fence());
        PipelineContext reply = new PipelineContext(task, conversations, queue, clock, leaseHeld);
        reply.sends = sends;
        attribute(ConsentStep.OPTED_OUT).ifPresent(optedOut -> reply.attribute(ConsentStep.OPTED_OUT, optedOut));
        attribute(RecordStep.CONTACT).ifPresent(contact -> reply.attribute(RecordStep.CONTACT, contact));
        return reply;
    }

    /** The entry as claimed, with the attempts made before this one. */
    InboxEntry entry() {
        return entry;
    }

    /** Throws {@link LeaseLostException} when another worker may have taken the entry over. */
    void checkLease() {
        if (!leaseHeld.getAsBoolean()) {
            throw new LeaseLostException("inbox entry " + entry.id() + " lost its lease; its work stops here");
        }
    }

    /** Asks the dispatcher to give the entry back and claim it again at {@code time}. */
    void deferUntil(Instant time) {
        deferredUntil = Optional.of(time);
    }

    Optional<Instant> deferredUntil() {
        return deferredUntil;
    }

    @Override
    public TenantId tenant() {
        return entry.tenant();
    }

    @Override
    public ConversationKey conversationKey() {
        return entry.conversation();
    }

    @Override
    public long entryId() {
        return entry.id();
    }

    @Override
    public Optional<InboundEvent> event() {
        return entry.event();
    }

    @Override
    public boolean isReplyTask() {
        return entry.isReplyTask();
    }

    @Override
    public Optional<Conversation> conversation() {
        return conversations.find(entry.tenant(), entry.conversation());
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public void send(OutboundContent content) {
        Objects.requireNonNull(content, "content");
        checkLease();
        String key = "ctx:" + entry.id() + ":" + sends++;
        queue.enqueue(entry.tenant(), OutboundMessage.of(entry.conversation(), content), key, false);
    }

    @Override
    public <T> Optional<T> attribute(AttributeKey<T> key) {
        return Optional.ofNullable(attributes.get(key)).map(key.type()::cast);
    }

    @Override
    public <T> void attribute(AttributeKey<T> key, T value) {
        Objects.requireNonNull(key, "key");
        attributes.put(key, key.type().cast(Objects.requireNonNull(value, "value")));
    }

    @Override
    public String toString() {
        return "Context[entry " + entry.id() + ", " + (entry.isReplyTask() ? "reply task" : entry.event().get().kind())
                + "]";
    }
}
