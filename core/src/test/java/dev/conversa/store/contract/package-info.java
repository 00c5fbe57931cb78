/**
 * Contract suites every store implementation passes. Each suite is an abstract JUnit 5 class;
 * an implementation extends it and creates fresh, empty stores in {@link
 * dev.conversa.store.contract.StoreContract#createStores}. Shipped in core's test jar.
 *
 * <pre>{@code
 * class InMemoryInboxContractTest extends InboxContract {
 *     protected Stores createStores(Clock clock) {
 *         return InMemoryStores.create();
 *     }
 * }
 * }</pre>
 */
package dev.conversa.store.contract;
