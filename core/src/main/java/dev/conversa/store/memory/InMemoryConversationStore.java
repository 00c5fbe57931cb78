package dev.conversa.store.memory;

import dev.conversa.internal.store.StoreArguments;
import dev.conversa.internal.store.TurnCount;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.TenantId;
import dev.conversa.store.ConversationStore;
import dev.conversa.store.PurgeScope;
import dev.conversa.store.SenderTurn;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Conversations keyed by tenant and conversation key, updated optimistically by version. The
 * retention purge reaches the messages, inbox, outbox and contacts of the same set of stores; it
 * takes their locks in one order (this store, inbox, outbox, messages, contacts), which no other
 * path nests, so checking a conversation is idle and removing it is one atomic step.
 */
final class InMemoryConversationStore implements ConversationStore {

    private final Map<Key, Conversation> conversations = new HashMap<>();
    /** The turn budget's counts of each conversation's customer, removed with the conversation. */
    private final Map<Key, TurnCount> senderTurns = new HashMap<>();
    /** The turns granted to each tenant in its latest window. */
    private final Map<TenantId, TenantTurns> tenantTurns = new HashMap<>();
    private final InMemoryMessageStore messages;
    private final InMemoryInbox inbox;
    private final InMemoryOutbox outbox;
    private final InMemoryContactStore contacts;
    private final InMemoryAgentStore agents;

    InMemoryConversationStore(InMemoryMessageStore messages, InMemoryInbox inbox, InMemoryOutbox outbox,
            InMemoryContactStore contacts, InMemoryAgentStore agents) {
        this.agents = agents;
        this.messages = messages;
        this.inbox = inbox;
        this.outbox = outbox;
        this.contacts = contacts;
    }

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
        senderTurns.remove(key(tenant, key));
        return conversations.remove(key(tenant, key)) != null;
    }

    @Override
    public synchronized SenderTurn takeTurn(TenantId tenant, ConversationKey key, Instant window, int allowed) {
        StoreArguments.requireTurn(window, allowed);
        Key stored = key(tenant, key);
        if (!conversations.containsKey(stored)) {
            return SenderTurn.TAKEN;
        }
        TurnCount current = TurnCount.in(window, Optional.ofNullable(senderTurns.get(stored)));
        SenderTurn outcome = current.take(allowed);
        senderTurns.put(stored, current.after(outcome));
        return outcome;
    }

    @Override
    public synchronized int grantTenantTurns(TenantId tenant, Instant window, int wanted, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        StoreArguments.requireGrant(window, wanted, limit);
        TenantTurns turns = tenantTurns.get(tenant);
        if (turns == null || !turns.window.equals(window)) {
            turns = new TenantTurns(window);
            tenantTurns.put(tenant, turns);
        }
        int granted = TurnCount.grantable(wanted, limit, turns.granted);
        turns.granted += granted;
        return granted;
    }

    @Override
    public synchronized int purgeIdle(PurgeScope scope, Instant cutoff, int limit) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(cutoff, "cutoff");
        StoreArguments.requirePurgeLimit(limit);
        List<Conversation> candidates = conversations.values().stream()
                .filter(c -> scope.includes(c.tenant()) && !c.updatedAt().isAfter(cutoff))
                .sorted(Comparator.comparing(Conversation::updatedAt))
                .toList();
        int removed = 0;
        for (Conversation candidate : candidates) {
            if (removed == limit) {
                break;
            }
            if (purgeIfIdle(candidate, cutoff)) {
                removed++;
            }
        }
        return removed;
    }

    private boolean purgeIfIdle(Conversation candidate, Instant cutoff) {
        TenantId tenant = candidate.tenant();
        ConversationKey key = candidate.key();
        synchronized (inbox) {
            synchronized (outbox) {
                synchronized (messages) {
                    boolean recent = messages.newest(tenant, key).filter(t -> t.isAfter(cutoff)).isPresent();
                    if (recent || inbox.hasWork(tenant, key) || outbox.hasWork(tenant, key)) {
                        return false;
                    }
                    inbox.removeParked(tenant, key);
                    outbox.removeFinished(tenant, key);
                    messages.deleteConversation(tenant, key);
                    conversations.remove(key(tenant, key));
                    senderTurns.remove(key(tenant, key));
                    agents.deleteNotes(tenant, key);
                    agents.deleteEvents(tenant, key);
                    agents.dequeue(tenant, key);
                }
            }
        }
        boolean otherConversation = conversations.keySet().stream().anyMatch(k -> k.tenant().equals(tenant)
                && k.conversation().channel().equals(key.channel())
                && k.conversation().contactId().equals(key.contactId()));
        if (!otherConversation) {
            contacts.delete(tenant, key.channel(), key.contactId());
        }
        return true;
    }

    private static Key key(TenantId tenant, ConversationKey key) {
        return new Key(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(key, "key"));
    }

    private record Key(TenantId tenant, ConversationKey conversation) {}

    private static final class TenantTurns {
        final Instant window;
        int granted;

        TenantTurns(Instant window) {
            this.window = window;
        }
    }
}
