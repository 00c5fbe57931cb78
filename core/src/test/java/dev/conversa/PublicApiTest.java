package dev.conversa;

import dev.conversa.testsupport.ApiDump;
import org.junit.jupiter.api.Test;

/** The public API of conversa-core is the one recorded in {@code api/conversa-core.api} (docs/api-check.md). */
class PublicApiTest {

    @Test
    void publicApiIsTheRecordedOne() {
        ApiDump.assertUnchanged("conversa-core");
    }
}
