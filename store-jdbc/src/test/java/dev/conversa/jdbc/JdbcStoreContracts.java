package dev.conversa.jdbc;

import dev.conversa.store.Stores;
import dev.conversa.store.contract.AccountStoreContract;
import dev.conversa.store.contract.AgentMetricsContract;
import dev.conversa.store.contract.AgentStoreContract;
import dev.conversa.store.contract.AuditLogContract;
import dev.conversa.store.contract.ConsentStoreContract;
import dev.conversa.store.contract.ContactStoreContract;
import dev.conversa.store.contract.ConversationStoreContract;
import dev.conversa.store.contract.DeadLetterStoreContract;
import dev.conversa.store.contract.DeletionRequestStoreContract;
import dev.conversa.store.contract.ErasureLedgerContract;
import dev.conversa.store.contract.InboxClaimContract;
import dev.conversa.store.contract.InboxContract;
import dev.conversa.store.contract.InboxStatusRunContract;
import dev.conversa.store.contract.MessageStoreContract;
import dev.conversa.store.contract.OutboxContract;
import dev.conversa.store.contract.RetentionContract;
import dev.conversa.store.contract.StoreConcurrencyContract;
import java.time.Clock;
import org.junit.jupiter.api.Nested;

/**
 * Core's store contract suites, every one, against a JDBC database that the subclass provides:
 * one list of suites for H2 and PostgreSQL.
 */
abstract class JdbcStoreContracts {

    /** Fresh, empty stores on the database under test. */
    abstract Stores stores(Clock clock);

    @Nested
    class Accounts extends AccountStoreContract {
        @Override
        protected Stores createStores(Clock clock) {
            return stores(clock);
        }
    }

    @Nested
    class Audit extends AuditLogContract {
        @Override
        protected Stores createStores(Clock clock) {
            return stores(clock);
        }
    }

    @Nested
    class Contacts extends ContactStoreContract {
        @Override
        protected Stores createStores(Clock clock) {
            return stores(clock);
        }
    }

    @Nested
    class Conversations extends ConversationStoreContract {
        @Override
        protected Stores createStores(Clock clock) {
            return stores(clock);
        }
    }

    @Nested
    class Messages extends MessageStoreContract {
        @Override
        protected Stores createStores(Clock clock) {
            return stores(clock);
        }
    }

    @Nested
    class InboxAppends extends InboxContract {
        @Override
        protected Stores createStores(Clock clock) {
            return stores(clock);
        }
    }

    @Nested
    class InboxClaims extends InboxClaimContract {
        @Override
        protected Stores createStores(Clock clock) {
            return stores(clock);
        }
    }

    @Nested
    class InboxStatusRuns extends InboxStatusRunContract {
        @Override
        protected Stores createStores(Clock clock) {
            return stores(clock);
        }
    }

    @Nested
    class Outboxes extends OutboxContract {
        @Override
        protected Stores createStores(Clock clock) {
            return stores(clock);
        }
    }

    @Nested
    class Concurrency extends StoreConcurrencyContract {
        @Override
        protected Stores createStores(Clock clock) {
            return stores(clock);
        }
    }

    @Nested
    class Consents extends ConsentStoreContract {
        @Override
        protected Stores createStores(Clock clock) {
            return stores(clock);
        }
    }

    @Nested
    class DeletionRequests extends DeletionRequestStoreContract {
        @Override
        protected Stores createStores(Clock clock) {
            return stores(clock);
        }
    }

    @Nested
    class DeadLetters extends DeadLetterStoreContract {
        @Override
        protected Stores createStores(Clock clock) {
            return stores(clock);
        }
    }

    @Nested
    class Retention extends RetentionContract {
        @Override
        protected Stores createStores(Clock clock) {
            return stores(clock);
        }
    }

    @Nested
    class Erasures extends ErasureLedgerContract {
        @Override
        protected Stores createStores(Clock clock) {
            return stores(clock);
        }
    }

    @Nested
    class Agents extends AgentStoreContract {
        @Override
        protected Stores createStores(Clock clock) {
            return stores(clock);
        }
    }

    @Nested
    class Metrics extends AgentMetricsContract {
        @Override
        protected Stores createStores(Clock clock) {
            return stores(clock);
        }
    }
}
