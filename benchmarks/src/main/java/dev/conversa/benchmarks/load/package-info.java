/** Load drivers: durable intake and end to end on real databases, with HdrHistogram percentiles. */
package dev.conversa.benchmarks.load;
