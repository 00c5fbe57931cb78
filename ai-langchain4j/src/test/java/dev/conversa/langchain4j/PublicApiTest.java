package dev.conversa.langchain4j;

import dev.conversa.testsupport.ApiDump;
import org.junit.jupiter.api.Test;

/** The public API of conversa-langchain4j is the one recorded in {@code api/conversa-langchain4j.api} (docs/api-check.md). */
class PublicApiTest {

    @Test
    void publicApiIsTheRecordedOne() {
        ApiDump.assertUnchanged("conversa-langchain4j");
    }
}
