/** Example: Conversa in a Spring Boot application through the starter. */
package dev.conversa.examples.springboot;
