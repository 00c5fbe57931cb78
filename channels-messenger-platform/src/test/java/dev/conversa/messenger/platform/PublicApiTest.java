package dev.conversa.messenger.platform;

import dev.conversa.testsupport.ApiDump;
import org.junit.jupiter.api.Test;

/** The public API of conversa-messenger-platform is the one recorded in {@code api/conversa-messenger-platform.api} (docs/api-check.md). */
class PublicApiTest {

    @Test
    void publicApiIsTheRecordedOne() {
        ApiDump.assertUnchanged("conversa-messenger-platform");
    }
}
