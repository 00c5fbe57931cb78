package dev.conversa.servlet;

import dev.conversa.testsupport.ApiDump;
import org.junit.jupiter.api.Test;

/** The public API of conversa-servlet is the one recorded in {@code api/conversa-servlet.api} (docs/api-check.md). */
class PublicApiTest {

    @Test
    void publicApiIsTheRecordedOne() {
        ApiDump.assertUnchanged("conversa-servlet");
    }
}
