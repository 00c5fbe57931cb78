/**
 * The inbox drain benchmark: a plain main that fills the JDBC inbox and drains it with several
 * workers on H2 and PostgreSQL; see {@link dev.conversa.benchmarks.drain.InboxDrainBenchmark}.
 */
package dev.conversa.benchmarks.drain;
