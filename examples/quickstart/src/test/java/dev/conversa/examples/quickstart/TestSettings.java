package dev.conversa.examples.quickstart;

import java.io.IOException;
import java.net.URI;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Quick start settings for tests: a free port, an in-memory H2 database of its own, a fixed
 * token key and a fixed privacy pepper, so nothing is written under {@code ./data}.
 */
final class TestSettings {

    static final String APP_SECRET = "test-app-secret";
    static final String VERIFY_TOKEN = "quickstart-test-token";
    static final String WHATSAPP_ACCOUNT = "100000000000042";
    static final String PRIVACY_PEPPER = "quickstart-test-privacy-pepper-of-40-chars";

    private TestSettings() {}

    /** Demo mode (no connected account) plus the given settings. */
    static QuickStartConfig demo(Map<String, String> more) throws IOException {
        return QuickStartConfig.load(with(common(), more));
    }

    /**
     * Real mode: one WhatsApp account, sending to {@code graph} (a loopback stand-in), plus the
     * given settings.
     */
    static QuickStartConfig real(URI graph, Map<String, String> more) throws IOException {
        Map<String, String> settings = common();
        settings.put("CONVERSA_HOST", "127.0.0.1");
        settings.put("META_APP_SECRET", APP_SECRET);
        settings.put("WHATSAPP_PHONE_NUMBER_ID", WHATSAPP_ACCOUNT);
        settings.put("WHATSAPP_ACCESS_TOKEN", "test-access-token");
        settings.put("GRAPH_BASE_URL", graph.toString());
        return QuickStartConfig.load(with(settings, more));
    }

    private static Map<String, String> common() {
        Map<String, String> settings = new HashMap<>();
        settings.put("CONVERSA_PORT", "0");
        settings.put("META_VERIFY_TOKEN", VERIFY_TOKEN);
        settings.put("CONVERSA_DB_URL", "jdbc:h2:mem:quickstart-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        settings.put("CONVERSA_TOKEN_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        settings.put("CONVERSA_PRIVACY_PEPPER", PRIVACY_PEPPER);
        return settings;
    }

    private static Map<String, String> with(Map<String, String> settings, Map<String, String> more) {
        settings.putAll(more);
        return settings;
    }
}
