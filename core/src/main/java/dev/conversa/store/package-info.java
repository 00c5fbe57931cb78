/**
 * The store SPI: every method takes the tenant, so no query crosses businesses. Core ships an
 * in-memory implementation ({@code dev.conversa.store.memory}); {@code conversa-jdbc} ships
 * H2 and PostgreSQL ones. Every implementation passes the same contract suite from core's
 * test jar.
 */
package dev.conversa.store;
