package dev.conversa.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.lang.ConversaException;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.TenantId;
import dev.conversa.store.ConversationStore;
import dev.conversa.store.PurgeScope;
import dev.conversa.store.SenderTurn;
import dev.conversa.store.memory.InMemoryStores;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConversationUpdatesTest {

    private static final TenantId TENANT = TenantId.of("shop");
    private static final ConversationKey KEY = new ConversationKey(ChannelType.WHATSAPP, "phone-1", "15551234567");
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final ConversationStore store = InMemoryStores.create().conversations();

    @Test
    void readsAgainAndAppliesTheChangeOnTopOfAConcurrentOne() {
        // given: another writer stores a change between our read and our write, once
        AtomicInteger reads = new AtomicInteger();
        ConversationUpdates updates = new ConversationUpdates(store);

        // when
        Conversation stored = updates.apply(TENANT, KEY, NOW, current -> {
            if (reads.incrementAndGet() == 1) {
                store.update(current.withState(ConversationState.WITH_AGENT, NOW)).orElseThrow();
            }
            return current.withLastInboundAt(NOW, NOW);
        });

        // then: the first write lost, the second was made on the other writer's state
        assertThat(reads).hasValue(2);
        assertThat(stored.state()).isEqualTo(ConversationState.WITH_AGENT);
        assertThat(stored.lastInboundAt()).contains(NOW);
        assertThat(store.find(TENANT, KEY)).contains(stored);
    }

    @Test
    void givesUpOnAConversationThatKeepsChanging() {
        ConversationUpdates updates = new ConversationUpdates(store);
        AtomicInteger reads = new AtomicInteger();
        List<ConversationState> states = List.of(ConversationState.WITH_AGENT, ConversationState.BOT);

        assertThatThrownBy(() -> updates.apply(TENANT, KEY, NOW, current -> {
            int read = reads.incrementAndGet();
            store.update(current.withState(states.get(read % 2), NOW)).orElseThrow();
            return current.withLastInboundAt(NOW, NOW);
        })).isInstanceOf(ConversaException.class).hasMessageContaining("kept changing");
        assertThat(reads).hasValue(ConversationUpdates.MAX_TRIES);
    }

    @Test
    void startsFromTheCopyItIsGivenWithoutReadingTheStore() {
        Conversation written = store.getOrOpen(TENANT, KEY, NOW);
        CountingReads counting = new CountingReads(store);

        Conversation stored = new ConversationUpdates(counting).apply(TENANT, KEY, NOW, Optional.of(written),
                current -> current.withLastInboundAt(NOW, NOW));

        assertThat(counting.reads).as("reads of the store").hasValue(0);
        assertThat(stored.lastInboundAt()).contains(NOW);
        assertThat(store.find(TENANT, KEY)).contains(stored);
    }

    @Test
    void aStaleCopyLosesItsWriteAndTheChangeIsMadeOnTheStoredConversation() {
        Conversation stale = store.getOrOpen(TENANT, KEY, NOW);
        store.update(stale.withState(ConversationState.WITH_AGENT, NOW)).orElseThrow();
        CountingReads counting = new CountingReads(store);

        Conversation stored = new ConversationUpdates(counting).apply(TENANT, KEY, NOW, Optional.of(stale),
                current -> current.withLastInboundAt(NOW, NOW));

        assertThat(counting.reads).as("read again after the refused write").hasValue(1);
        assertThat(stored.state()).isEqualTo(ConversationState.WITH_AGENT);
        assertThat(stored.lastInboundAt()).contains(NOW);
    }

    @Test
    void aStaleCopyOnWhichTheChangeDecidesNothingIsNotTrusted() {
        // given: the copy says a person holds the conversation, but it went back to the bot since
        Conversation stale = store.update(store.getOrOpen(TENANT, KEY, NOW).withState(ConversationState.WITH_AGENT,
                NOW)).orElseThrow();
        store.update(stale.withState(ConversationState.BOT, NOW)).orElseThrow();
        CountingReads counting = new CountingReads(store);

        // when: a change that only applies while the bot may speak
        Conversation stored = new ConversationUpdates(counting).apply(TENANT, KEY, NOW, Optional.of(stale),
                current -> current.state().botMaySpeak() ? current.withLastInboundAt(NOW, NOW) : current);

        // then: decided on the stored conversation, not on the copy
        assertThat(counting.reads).hasValue(1);
        assertThat(stored.state()).isEqualTo(ConversationState.BOT);
        assertThat(stored.lastInboundAt()).contains(NOW);
    }

    @Test
    void aCopyOfAnotherConversationIsNotUsed() {
        ConversationKey other = new ConversationKey(ChannelType.WHATSAPP, "phone-1", "15550000000");
        Conversation otherCopy = store.getOrOpen(TENANT, other, NOW);
        CountingReads counting = new CountingReads(store);

        Conversation stored = new ConversationUpdates(counting).apply(TENANT, KEY, NOW, Optional.of(otherCopy),
                current -> current.withLastInboundAt(NOW, NOW));

        assertThat(counting.reads).hasValue(1);
        assertThat(stored.key()).isEqualTo(KEY);
        assertThat(store.find(TENANT, other)).contains(otherCopy);
    }

    @Test
    void applyIfExistsStartsFromACurrentCopyWithoutReading() {
        Conversation copy = store.getOrOpen(TENANT, KEY, NOW);
        CountingReads counting = new CountingReads(store);

        Optional<Conversation> stored = new ConversationUpdates(counting).applyIfExists(TENANT, KEY, Optional.of(copy),
                current -> current.withLastInboundAt(NOW, NOW));

        assertThat(counting.reads).hasValue(0);
        assertThat(stored).isPresent().get().satisfies(c -> assertThat(c.lastInboundAt()).contains(NOW));
        assertThat(store.find(TENANT, KEY)).isEqualTo(stored);
    }

    @Test
    void aConversationDeletedSinceTheCopyStaysDeleted() {
        Conversation copy = store.getOrOpen(TENANT, KEY, NOW);
        store.delete(TENANT, KEY);
        CountingReads counting = new CountingReads(store);

        Optional<Conversation> stored = new ConversationUpdates(counting).applyIfExists(TENANT, KEY, Optional.of(copy),
                current -> current.withLastInboundAt(NOW, NOW));

        assertThat(stored).isEmpty();
        assertThat(counting.reads).as("read once the write from the copy found nothing").hasValue(1);
        assertThat(store.find(TENANT, KEY)).isEmpty();
    }

    @Test
    void leavesAMissingConversationAloneWhenAskedTo() {
        Optional<Conversation> result = new ConversationUpdates(store).applyIfExists(TENANT, KEY,
                current -> current.withState(ConversationState.CLOSED, NOW));

        assertThat(result).isEmpty();
        assertThat(store.find(TENANT, KEY)).isEmpty();
    }

    /** Counts the reads that go to the store; everything else passes through. */
    private static final class CountingReads implements ConversationStore {

        private final ConversationStore delegate;
        private final AtomicInteger reads = new AtomicInteger();

        CountingReads(ConversationStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Conversation getOrOpen(TenantId tenant, ConversationKey key, Instant now) {
            reads.incrementAndGet();
            return delegate.getOrOpen(tenant, key, now);
        }

        @Override
        public Optional<Conversation> find(TenantId tenant, ConversationKey key) {
            reads.incrementAndGet();
            return delegate.find(tenant, key);
        }

        @Override
        public Optional<Conversation> update(Conversation conversation) {
            return delegate.update(conversation);
        }

        @Override
        public List<Conversation> list(TenantId tenant, Optional<ConversationState> state, int limit) {
            return delegate.list(tenant, state, limit);
        }

        @Override
        public boolean delete(TenantId tenant, ConversationKey key) {
            return delegate.delete(tenant, key);
        }

        @Override
        public SenderTurn takeTurn(TenantId tenant, ConversationKey key, Instant window, int allowed) {
            return delegate.takeTurn(tenant, key, window, allowed);
        }

        @Override
        public int grantTenantTurns(TenantId tenant, Instant window, int wanted, int limit) {
            return delegate.grantTenantTurns(tenant, window, wanted, limit);
        }

        @Override
        public int purgeIdle(PurgeScope scope, Instant cutoff, int limit) {
            return delegate.purgeIdle(scope, cutoff, limit);
        }
    }
}
