package dev.conversa.whatsapp;

import dev.conversa.testsupport.ApiDump;
import org.junit.jupiter.api.Test;

/** The public API of conversa-whatsapp is the one recorded in {@code api/conversa-whatsapp.api} (docs/api-check.md). */
class PublicApiTest {

    @Test
    void publicApiIsTheRecordedOne() {
        ApiDump.assertUnchanged("conversa-whatsapp");
    }
}
