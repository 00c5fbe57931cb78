package dev.conversa.store;

import dev.conversa.store.memory.InMemoryStores;
import java.util.Objects;

/**
 * Every store Conversa needs, from one implementation: in memory for tests and demos
 * ({@code InMemoryStores.create()}), JDBC for production ({@code JdbcStores}).
 *
 * @param accounts connected business accounts
 * @param contacts people
 * @param conversations conversations and who answers them
 * @param messages message history
 * @param inbox inbound work
 * @param outbox outbound messages
 * @param audit the audit log
 * @param consents consent changes (opt-ins and opt-outs)
 * @param deletionRequests requests to erase a person's data
 * @param deadLetters verified webhook bodies their channel could not read
 * @param erasures the erasure ledger: keyed hashes of erased people's identifiers
 */
public record Stores(
        AccountStore accounts, ContactStore contacts, ConversationStore conversations, MessageStore messages,
        Inbox inbox, Outbox outbox, AuditLog audit, ConsentStore consents,
        DeletionRequestStore deletionRequests, DeadLetterStore deadLetters, ErasureLedger erasures) {

    /** Checks that no store is null. */
    public Stores {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(contacts, "contacts");
        Objects.requireNonNull(conversations, "conversations");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(consents, "consents");
        Objects.requireNonNull(deletionRequests, "deletionRequests");
        Objects.requireNonNull(deadLetters, "deadLetters");
        Objects.requireNonNull(erasures, "erasures");
    }

    /**
     * Stores whose erasure ledger is kept in memory: it is lost with the process, so an erasure
     * is not carried out again after a restore and a redelivered webhook of an erased person is
     * kept out only until a restart. Prefer the full constructor with a durable ledger.
     *
     * @param accounts connected business accounts
     * @param contacts people
     * @param conversations conversations and who answers them
     * @param messages message history
     * @param inbox inbound work
     * @param outbox outbound messages
     * @param audit the audit log
     * @param consents consent changes
     * @param deletionRequests requests to erase a person's data
     * @param deadLetters verified webhook bodies their channel could not read
     */
    public Stores(AccountStore accounts, ContactStore contacts, ConversationStore conversations,
            MessageStore messages, Inbox inbox, Outbox outbox, AuditLog audit, ConsentStore consents,
            DeletionRequestStore deletionRequests, DeadLetterStore deadLetters) {
        this(accounts, contacts, conversations, messages, inbox, outbox, audit, consents, deletionRequests,
                deadLetters, InMemoryStores.erasureLedger());
    }

    /**
     * A copy of these stores with another inbox, such as one that wraps this one to observe it.
     *
     * @param other the inbox
     * @return the copy
     */
    public Stores withInbox(Inbox other) {
        return new Stores(accounts, contacts, conversations, messages, other, outbox, audit, consents,
                deletionRequests, deadLetters, erasures);
    }
}
