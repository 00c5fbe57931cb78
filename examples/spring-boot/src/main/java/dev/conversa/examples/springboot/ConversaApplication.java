package dev.conversa.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application that answers WhatsApp customers with the rules responder, its
 * conversations in an H2 database under {@code ./data}: everything comes from
 * {@code conversa-spring-boot-starter} and {@code application.properties}.
 */
@SpringBootApplication
public class ConversaApplication {

    /**
     * Runs the application.
     *
     * @param args Spring Boot's command-line arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(ConversaApplication.class, args);
    }
}
