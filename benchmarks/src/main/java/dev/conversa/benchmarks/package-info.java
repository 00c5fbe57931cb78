/** JMH benchmarks of Conversa's hot paths. Build with {@code mvn package}, run the shaded jar. */
package dev.conversa.benchmarks;
