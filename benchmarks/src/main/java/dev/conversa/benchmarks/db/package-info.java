/** The databases the benchmarks run on: H2 files and embedded PostgreSQL, fresh for each measurement. */
package dev.conversa.benchmarks.db;
