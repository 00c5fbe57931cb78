/**
 * Spring Boot auto-configuration of Conversa: {@link dev.conversa.spring.boot.ConversaAutoConfiguration}
 * builds {@link dev.conversa.Conversa} from the {@code conversa.*} properties
 * ({@link dev.conversa.spring.boot.ConversaProperties}), serves its webhook through
 * {@code conversa-servlet} and ties its start and close to the application context.
 */
package dev.conversa.spring.boot;
