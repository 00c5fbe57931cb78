package dev.conversa.pipeline;

import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.OutboundContent;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.TenantId;
import dev.conversa.store.ConversationStore;
import dev.conversa.store.InboxEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The context of one inbox entry. Used by one thread at a time. */
final class PipelineContext implements Context {

    private final InboxEntry entry;
    private final ConversationStore conversations;
    private final SendGate gate;
    private final Clock clock;
    private final Map<AttributeKey<?>, Object> attributes = new HashMap<>();
    private int sends;

    PipelineContext(InboxEntry entry, ConversationStore conversations, SendGate gate, Clock clock) {
        this.entry = entry;
        this.conversations = conversations;
        this.gate = gate;
        this.clock = clock;
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
        String key = "ctx:" + entry.id() + ":" + sends++;
        gate.enqueue(entry.tenant(), OutboundMessage.of(entry.conversation(), content), key);
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
