package dev.conversa.store.memory;

import dev.conversa.store.ErasureLedger;
import dev.conversa.store.Stores;

/**
 * Creates stores that keep everything in memory, for tests, demos and the quick start. Nothing
 * survives the JVM and nothing is written anywhere, so access tokens are held as given rather
 * than encrypted; use {@code conversa-jdbc} in production.
 *
 * <pre>{@code
 * Stores stores = InMemoryStores.create();
 * stores.accounts().save(ChannelAccount.of(tenant, ChannelType.WHATSAPP, "1234", Secret.of(token)));
 * }</pre>
 *
 * <p>Every store takes the time from the {@code now} arguments of the store SPI. The stores are
 * thread-safe; each guards its data with one lock, which favours simplicity over throughput.
 */
public final class InMemoryStores {

    private InMemoryStores() {}

    /**
     * Creates a fresh, empty set of stores.
     *
     * @return new stores sharing nothing with any other set
     */
    public static Stores create() {
        InMemoryContactStore contacts = new InMemoryContactStore();
        InMemoryMessageStore messages = new InMemoryMessageStore();
        InMemoryInbox inbox = new InMemoryInbox();
        InMemoryOutbox outbox = new InMemoryOutbox();
        InMemoryAgentStore agents = new InMemoryAgentStore();
        return Stores.builder()
                .accounts(new InMemoryAccountStore())
                .contacts(contacts)
                .conversations(new InMemoryConversationStore(messages, inbox, outbox, contacts, agents))
                .messages(messages)
                .inbox(inbox)
                .outbox(outbox)
                .audit(new InMemoryAuditLog())
                .consents(new InMemoryConsentStore())
                .deletionRequests(new InMemoryDeletionRequestStore())
                .deadLetters(new InMemoryDeadLetterStore())
                .erasures(erasureLedger())
                .agents(agents)
                .build();
    }

    /**
     * Creates an empty erasure ledger in memory.
     *
     * @return a new ledger sharing nothing with any other
     */
    public static ErasureLedger erasureLedger() {
        return new InMemoryErasureLedger();
    }
}
