package dev.conversa.store.memory;

import dev.conversa.internal.store.StoreArguments;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.TenantId;
import dev.conversa.store.MessageMark;
import dev.conversa.store.MessageStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Messages keyed by tenant, channel and message id. Each keeps the order it was appended in,
 * which breaks ties between messages with the same timestamp. A rename onto an id already stored
 * (the channel echoed the message before it was renamed) replaces that record, keeping the
 * furthest status of the two; the ids of further parts point to the message's key.
 */
final class InMemoryMessageStore implements MessageStore {

    private final Map<Key, Stored> messages = new HashMap<>();
    private final Map<Key, Key> parts = new HashMap<>();
    /** The keys of each conversation's messages, so that a history reads one conversation only. */
    private final Map<ConversationRef, Set<Key>> byConversation = new HashMap<>();
    private long lastSequence;

    @Override
    public synchronized boolean append(MessageRecord message) {
        Objects.requireNonNull(message, "message");
        Key key = new Key(message.tenant(), message.conversation().channel(), message.messageId());
        if (messages.containsKey(key)) {
            return false;
        }
        put(key, new Stored(message, ++lastSequence));
        return true;
    }

    @Override
    public synchronized boolean updateStatus(
            TenantId tenant, ChannelType channel, String messageId, DeliveryStatus status) {
        Objects.requireNonNull(status, "status");
        Key key = resolve(key(tenant, channel, messageId));
        Stored stored = messages.get(key);
        if (stored == null || !status.isAfter(stored.message().status())) {
            return false;
        }
        messages.put(key, stored.with(m -> m.withStatus(status)));
        return true;
    }

    @Override
    public synchronized boolean rename(TenantId tenant, ChannelType channel, String oldId, List<String> newIds) {
        List<String> ids = List.copyOf(newIds);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("newIds must name at least the message's own id");
        }
        Key oldKey = key(tenant, channel, oldId);
        Stored stored = remove(oldKey);
        if (stored == null) {
            return false;
        }
        String newId = ids.get(0);
        Key newKey = key(tenant, channel, newId);
        // the part ids that pointed at the old id follow the message, as the JDBC store's do
        parts.replaceAll((part, message) -> message.equals(oldKey) ? newKey : message);
        DeliveryStatus status = furthest(stored.message().status(), messages.get(newKey));
        remove(newKey);
        put(newKey, stored.with(m -> new MessageRecord(m.tenant(), m.conversation(),
                newId, m.direction(), m.author(), m.kind(), m.text(), status, m.timestamp(), m.agent())));
        for (String part : ids.subList(1, ids.size())) {
            Key partKey = key(tenant, channel, part);
            Stored echo = remove(partKey);
            if (echo != null) {
                updateStatus(tenant, channel, newId, echo.message().status());
            }
            parts.put(partKey, newKey);
        }
        return true;
    }

    @Override
    public synchronized boolean edit(
            TenantId tenant, ChannelType channel, String messageId, String kind, Optional<String> text) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Key key = key(tenant, channel, messageId);
        Stored stored = messages.get(key);
        if (stored == null) {
            return false;
        }
        messages.put(key, stored.with(m -> new MessageRecord(m.tenant(), m.conversation(), m.messageId(),
                m.direction(), m.author(), kind, text, m.status(), m.timestamp(), m.agent())));
        return true;
    }

    @Override
    public synchronized Optional<MessageRecord> find(TenantId tenant, ChannelType channel, String messageId) {
        return Optional.ofNullable(messages.get(resolve(key(tenant, channel, messageId)))).map(Stored::message);
    }

    @Override
    public synchronized List<MessageRecord> history(TenantId tenant, ConversationKey conversation, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(conversation, "conversation");
        StoreArguments.requireLimit(limit);
        List<Stored> all = of(tenant, conversation).stream()
                .sorted(Comparator.comparing((Stored s) -> s.message().timestamp())
                        .thenComparingLong(Stored::sequence))
                .toList();
        return all.subList(Math.max(0, all.size() - limit), all.size()).stream().map(Stored::message).toList();
    }

    @Override
    public synchronized List<MessageMark> marks(TenantId tenant, Instant from, Instant to) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return messages.values().stream()
                .filter(s -> s.message().tenant().equals(tenant) && !s.message().timestamp().isBefore(from)
                        && s.message().timestamp().isBefore(to))
                .sorted(Comparator.comparing((Stored s) -> s.message().timestamp()).thenComparingLong(Stored::sequence))
                .map(s -> new MessageMark(s.message().conversation(), s.message().author(), s.message().timestamp()))
                .toList();
    }

    @Override
    public synchronized boolean delete(TenantId tenant, ChannelType channel, String messageId) {
        Key key = key(tenant, channel, messageId);
        parts.values().removeIf(key::equals);
        return remove(key) != null;
    }

    @Override
    public synchronized int deleteConversation(TenantId tenant, ConversationKey conversation) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(conversation, "conversation");
        Set<Key> keys = byConversation.remove(new ConversationRef(tenant, conversation));
        if (keys == null) {
            return 0;
        }
        keys.forEach(messages::remove);
        parts.values().removeIf(key -> !messages.containsKey(key));
        return keys.size();
    }

    /** The time of a conversation's newest message, if it has any. */
    synchronized Optional<Instant> newest(TenantId tenant, ConversationKey conversation) {
        return of(tenant, conversation).stream().map(s -> s.message().timestamp()).max(Comparator.naturalOrder());
    }

    /** The stored messages of a conversation, in no order. */
    private List<Stored> of(TenantId tenant, ConversationKey conversation) {
        return byConversation.getOrDefault(new ConversationRef(tenant, conversation), Set.of()).stream()
                .map(messages::get).toList();
    }

    /** Stores a message under a key that holds none. */
    private void put(Key key, Stored stored) {
        messages.put(key, stored);
        byConversation.computeIfAbsent(ConversationRef.of(stored), ref -> new HashSet<>()).add(key);
    }

    /** Removes the message under a key, if any. */
    private Stored remove(Key key) {
        Stored stored = messages.remove(key);
        if (stored != null) {
            ConversationRef ref = ConversationRef.of(stored);
            Set<Key> keys = byConversation.get(ref);
            keys.remove(key);
            if (keys.isEmpty()) {
                byConversation.remove(ref);
            }
        }
        return stored;
    }

    /** The key of the message a part id belongs to, or the key itself. */
    private Key resolve(Key key) {
        return parts.getOrDefault(key, key);
    }

    private static DeliveryStatus furthest(DeliveryStatus status, Stored other) {
        return other != null && other.message().status().isAfter(status) ? other.message().status() : status;
    }

    private static Key key(TenantId tenant, ChannelType channel, String messageId) {
        return new Key(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(channel, "channel"),
                Objects.requireNonNull(messageId, "messageId"));
    }

    private record Key(TenantId tenant, ChannelType channel, String messageId) {}

    private record ConversationRef(TenantId tenant, ConversationKey conversation) {

        static ConversationRef of(Stored stored) {
            return new ConversationRef(stored.message().tenant(), stored.message().conversation());
        }
    }

    private record Stored(MessageRecord message, long sequence) {

        Stored with(UnaryOperator<MessageRecord> change) {
            return new Stored(change.apply(message), sequence);
        }
    }
}
