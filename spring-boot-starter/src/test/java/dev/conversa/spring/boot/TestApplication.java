package dev.conversa.spring.boot;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A Spring Boot application with nothing of its own: everything Conversa needs comes from the starter. */
@SpringBootConfiguration
@EnableAutoConfiguration
class TestApplication {
}
