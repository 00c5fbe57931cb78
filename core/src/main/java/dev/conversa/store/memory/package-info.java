/**
 * In-memory stores for tests, demos and the quick start: {@link dev.conversa.store.memory.InMemoryStores}.
 * Nothing survives the JVM. Every store is thread-safe (one lock per store) and passes the same
 * contract suite as the JDBC stores.
 */
package dev.conversa.store.memory;
