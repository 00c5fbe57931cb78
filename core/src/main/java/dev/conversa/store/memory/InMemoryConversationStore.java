package dev.conversa.store.memory;

import dev.conversa.internal.store.StoreArguments;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.TenantId;
import dev.conversa.store.ConversationStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Conversations keyed by tenant and conversation key, updated optimistically by version. */
final class InMemoryConversationStore implements ConversationStore {

    private final Map<Key, Conversation> conversations = new HashMap<>();

    @Override
    public synchronized Conversation getOrOpen(TenantId tenant, ConversationKey key, Instant now) {
        Objects.requireNonNull(now, "now");
        return conversations.computeIfAbsent(key(tenant, key), k -> Conversation.open(tenant, key, now));
    }

    @Override
    public synchronized Optional<Conversation> find(TenantId tenant, ConversationKey key) {
        return Optional.ofNullable(conversations.get(key(tenant, key)));
    }

    @Override
    public synchronized Optional<Conversation> update(Conversation conversation) {
        Objects.requireNonNull(conversation, "conversation");
        Key key = key(conversation.tenant(), conversation.key());
        Conversation stored = conversations.get(key);
        if (stored == null || stored.version() != conversation.version()) {
            return Optional.empty();
        }
        Conversation next = new Conversation(conversation.tenant(), conversation.key(), conversation.state(),
                conversation.lastInboundAt(), conversation.replyDueAt(), conversation.unansweredSince(),
                conversation.updatedAt(), conversation.version() + 1);
        conversations.put(key, next);
        return Optional.of(next);
    }

    @Override
    public synchronized List<Conversation> list(TenantId tenant, Optional<ConversationState> state, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(state, "state");
        StoreArguments.requireLimit(limit);
        return conversations.values().stream()
                .filter(c -> c.tenant().equals(tenant))
                .filter(c -> state.map(s -> s == c.state()).orElse(true))
                .sorted(Comparator.comparing(Conversation::updatedAt).reversed()
                        .thenComparing(c -> c.key().toString()))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized boolean delete(TenantId tenant, ConversationKey key) {
        return conversations.remove(key(tenant, key)) != null;
    }

    private static Key key(TenantId tenant, ConversationKey key) {
        return new Key(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(key, "key"));
    }

    private record Key(TenantId tenant, ConversationKey conversation) {}
}
