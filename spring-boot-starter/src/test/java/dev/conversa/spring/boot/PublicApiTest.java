package dev.conversa.spring.boot;

import dev.conversa.testsupport.ApiDump;
import org.junit.jupiter.api.Test;

/** The public API of the starter is the one recorded in {@code api/conversa-spring-boot-starter.api} (docs/api-check.md). */
class PublicApiTest {

    @Test
    void publicApiIsTheRecordedOne() {
        ApiDump.assertUnchanged("conversa-spring-boot-starter");
    }
}
