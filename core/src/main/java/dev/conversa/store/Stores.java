package dev.conversa.store;

import java.util.Objects;

/**
 * Every store Conversa needs, from one implementation: in memory for tests and demos
 * ({@code InMemoryStores.create()}), JDBC for production ({@code JdbcStores}). Built with
 * {@link #builder()}, every store required; a copy with one store replaced (a wrapper that
 * counts or fails calls in a test) with {@code toBuilder().inbox(wrapped).build()}.
 *
 * <p>Immutable and thread-safe if the stores are.
 */
public final class Stores {

    private final AccountStore accounts;
    private final ContactStore contacts;
    private final ConversationStore conversations;
    private final MessageStore messages;
    private final Inbox inbox;
    private final Outbox outbox;
    private final AuditLog audit;
    private final ConsentStore consents;
    private final DeletionRequestStore deletionRequests;
    private final DeadLetterStore deadLetters;
    private final ErasureLedger erasures;
    private final AgentStore agents;
    private final UnitOfWork unitOfWork;

    private Stores(Builder builder) {
        this.accounts = builder.accounts;
        this.contacts = builder.contacts;
        this.conversations = builder.conversations;
        this.messages = builder.messages;
        this.inbox = builder.inbox;
        this.outbox = builder.outbox;
        this.audit = builder.audit;
        this.consents = builder.consents;
        this.deletionRequests = builder.deletionRequests;
        this.deadLetters = builder.deadLetters;
        this.erasures = builder.erasures;
        this.agents = builder.agents;
        this.unitOfWork = builder.unitOfWork;
    }

    /**
     * Starts a set of stores.
     *
     * @return a builder with no store set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these stores, to replace some of them.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().accounts(accounts).contacts(contacts).conversations(conversations).messages(messages)
                .inbox(inbox).outbox(outbox).audit(audit).consents(consents).deletionRequests(deletionRequests)
                .deadLetters(deadLetters).erasures(erasures).agents(agents).unitOfWork(unitOfWork);
    }

    /**
     * Connected business accounts.
     *
     * @return the store
     */
    public AccountStore accounts() {
        return accounts;
    }

    /**
     * People.
     *
     * @return the store
     */
    public ContactStore contacts() {
        return contacts;
    }

    /**
     * Conversations and who answers them.
     *
     * @return the store
     */
    public ConversationStore conversations() {
        return conversations;
    }

    /**
     * Message history.
     *
     * @return the store
     */
    public MessageStore messages() {
        return messages;
    }

    /**
     * Inbound work.
     *
     * @return the store
     */
    public Inbox inbox() {
        return inbox;
    }

    /**
     * Outbound messages.
     *
     * @return the store
     */
    public Outbox outbox() {
        return outbox;
    }

    /**
     * The audit log.
     *
     * @return the store
     */
    public AuditLog audit() {
        return audit;
    }

    /**
     * Consent changes (opt-ins and opt-outs).
     *
     * @return the store
     */
    public ConsentStore consents() {
        return consents;
    }

    /**
     * Requests to erase a person's data.
     *
     * @return the store
     */
    public DeletionRequestStore deletionRequests() {
        return deletionRequests;
    }

    /**
     * Verified webhook bodies their channel could not read.
     *
     * @return the store
     */
    public DeadLetterStore deadLetters() {
        return deadLetters;
    }

    /**
     * The erasure ledger: keyed hashes of erased people's identifiers.
     *
     * @return the store
     */
    public ErasureLedger erasures() {
        return erasures;
    }

    /**
     * Agents, queues, assignments and internal notes.
     *
     * @return the store
     */
    public AgentStore agents() {
        return agents;
    }

    /**
     * Groups the store calls of a piece of work into one transaction ({@link UnitOfWork#none()}
     * when the stores cannot).
     *
     * @return the unit of work
     */
    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Override
    public String toString() {
        return "Stores[" + inbox.getClass().getSimpleName() + ", ...]";
    }

    /** Collects the stores; every one is required. Not thread-safe. */
    public static final class Builder {

        private AccountStore accounts;
        private ContactStore contacts;
        private ConversationStore conversations;
        private MessageStore messages;
        private Inbox inbox;
        private Outbox outbox;
        private AuditLog audit;
        private ConsentStore consents;
        private DeletionRequestStore deletionRequests;
        private DeadLetterStore deadLetters;
        private ErasureLedger erasures;
        private AgentStore agents;
        private UnitOfWork unitOfWork = UnitOfWork.none();

        private Builder() {
        }

        /**
         * Sets the account store.
         *
         * @param store the store
         * @return this builder
         */
        public Builder accounts(AccountStore store) {
            this.accounts = Objects.requireNonNull(store, "accounts");
            return this;
        }

        /**
         * Sets the contact store.
         *
         * @param store the store
         * @return this builder
         */
        public Builder contacts(ContactStore store) {
            this.contacts = Objects.requireNonNull(store, "contacts");
            return this;
        }

        /**
         * Sets the conversation store.
         *
         * @param store the store
         * @return this builder
         */
        public Builder conversations(ConversationStore store) {
            this.conversations = Objects.requireNonNull(store, "conversations");
            return this;
        }

        /**
         * Sets the message store.
         *
         * @param store the store
         * @return this builder
         */
        public Builder messages(MessageStore store) {
            this.messages = Objects.requireNonNull(store, "messages");
            return this;
        }

        /**
         * Sets the inbox.
         *
         * @param store the store
         * @return this builder
         */
        public Builder inbox(Inbox store) {
            this.inbox = Objects.requireNonNull(store, "inbox");
            return this;
        }

        /**
         * Sets the outbox.
         *
         * @param store the store
         * @return this builder
         */
        public Builder outbox(Outbox store) {
            this.outbox = Objects.requireNonNull(store, "outbox");
            return this;
        }

        /**
         * Sets the audit log.
         *
         * @param store the store
         * @return this builder
         */
        public Builder audit(AuditLog store) {
            this.audit = Objects.requireNonNull(store, "audit");
            return this;
        }

        /**
         * Sets the consent store.
         *
         * @param store the store
         * @return this builder
         */
        public Builder consents(ConsentStore store) {
            this.consents = Objects.requireNonNull(store, "consents");
            return this;
        }

        /**
         * Sets the deletion request store.
         *
         * @param store the store
         * @return this builder
         */
        public Builder deletionRequests(DeletionRequestStore store) {
            this.deletionRequests = Objects.requireNonNull(store, "deletionRequests");
            return this;
        }

        /**
         * Sets the dead letter store.
         *
         * @param store the store
         * @return this builder
         */
        public Builder deadLetters(DeadLetterStore store) {
            this.deadLetters = Objects.requireNonNull(store, "deadLetters");
            return this;
        }

        /**
         * Sets the erasure ledger. Keep it as durable as the other stores: a ledger lost on
         * restart no longer keeps erased people out of redelivered webhooks and restored backups.
         *
         * @param store the store
         * @return this builder
         */
        public Builder erasures(ErasureLedger store) {
            this.erasures = Objects.requireNonNull(store, "erasures");
            return this;
        }

        /**
         * Sets the agent store.
         *
         * @param store the store
         * @return this builder
         */
        public Builder agents(AgentStore store) {
            this.agents = Objects.requireNonNull(store, "agents");
            return this;
        }

        /**
         * Sets how the stores group the calls of a piece of work into one transaction (optional;
         * default {@link UnitOfWork#none()}: each call commits on its own). A wrapper that replaces
         * a store must pass its calls on to the wrapped store on the calling thread, so they join.
         *
         * @param work the unit of work of these stores
         * @return this builder
         */
        public Builder unitOfWork(UnitOfWork work) {
            this.unitOfWork = Objects.requireNonNull(work, "unitOfWork");
            return this;
        }

        /**
         * Builds the set.
         *
         * @return the stores
         * @throws IllegalStateException naming the first store not set
         */
        public Stores build() {
            require(accounts, "accounts");
            require(contacts, "contacts");
            require(conversations, "conversations");
            require(messages, "messages");
            require(inbox, "inbox");
            require(outbox, "outbox");
            require(audit, "audit");
            require(consents, "consents");
            require(deletionRequests, "deletionRequests");
            require(deadLetters, "deadLetters");
            require(erasures, "erasures");
            require(agents, "agents");
            return new Stores(this);
        }

        private static void require(Object store, String name) {
            if (store == null) {
                throw new IllegalStateException(name + " is required: call Stores.builder()." + name + "(...)");
            }
        }
    }
}
