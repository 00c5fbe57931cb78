package dev.conversa.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.lang.Secret;
import dev.conversa.testkit.SignedRequests;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Demo mode without any credential and without {@code CONVERSA_PRIVACY_PEPPER}: a pepper is
 * generated into the data directory and kept, erase and export work on a demo customer, and
 * Meta's callbacks are mounted and verified.
 */
class DemoModePrivacyTest {

    private static final String CUSTOMER = "15550007777";

    @TempDir
    static Path data;

    private static QuickStartApp app;
    private static LoopbackClient client;

    @BeforeAll
    static void startInDemoModeWithoutAPepper() throws Exception {
        app = QuickStartApp.start(settings());
        client = new LoopbackClient(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void generatesThePepperIntoTheDataDirectoryForItsOwnerOnly() throws Exception {
        Path pepper = data.resolve("privacy.pepper");

        assertThat(app.demoMode()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pepper))).isEqualTo("rw-------");
    }

    @Test
    void keepsThePepperAcrossRestarts() throws Exception {
        String hash = erasedHash(client);

        try (QuickStartApp restarted = QuickStartApp.start(settings())) {
            assertThat(erasedHash(new LoopbackClient(restarted.port()))).isEqualTo(hash);
        }
    }

    @Test
    void exportsAndErasesADemoCustomer() throws Exception {
        // given
        String message = "{\"channel\":\"whatsapp\",\"customer\":\"" + CUSTOMER
                + "\",\"name\":\"Ana\",\"text\":\"what are your opening hours?\"}";
        assertThat(client.post("/demo/messages", message).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode thread = HttpJson.MAPPER.readTree(client.get("/demo/thread?channel=whatsapp&customer=" + CUSTOMER)
                    .body());
            assertThat(thread.findValuesAsString("text")).contains(RealModeCustomer.ANSWER);
            assertThat(thread.findValuesAsString("status")).containsOnly("DELIVERED", "SENT");
        });

        // when
        JsonNode before = HttpJson.MAPPER.readTree(client.post(PrivacyApi.EXPORT, identifier(CUSTOMER)).body());
        HttpResponse<String> erased = client.post(PrivacyApi.ERASE, identifier("+" + CUSTOMER));
        JsonNode after = HttpJson.MAPPER.readTree(client.post(PrivacyApi.EXPORT, identifier(CUSTOMER)).body());

        // then
        assertThat(before.path("messages").findValuesAsString("text")).contains(RealModeCustomer.ANSWER);
        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(HttpJson.MAPPER.readTree(erased.body()).path("counts").path("contacts").asInt()).isEqualTo(1);
        assertThat(after.path("contacts").isEmpty()).isTrue();
        assertThat(after.path("messages").isEmpty()).isTrue();
        assertThat(client.get("/demo/thread?channel=whatsapp&customer=" + CUSTOMER).body()).isEqualTo("[]");
    }

    @Test
    void servesTheCallbacksVerifiedBySignature() throws Exception {
        String forged = new String(SignedRequests.builder().appSecret(Secret.of("not-the-demo-secret")).build()
                .toRequest().body(), StandardCharsets.US_ASCII);

        assertThat(client.postForm(MetaCallbacks.DATA_DELETION, forged).statusCode()).isEqualTo(401);
        assertThat(client.postForm(MetaCallbacks.DEAUTHORIZE, forged).statusCode()).isEqualTo(401);
        assertThat(client.get(MetaCallbacks.DELETION_STATUS + "?code=Unknown0Code0123").statusCode()).isEqualTo(404);
    }

    private static QuickStartConfig settings() throws Exception {
        return TestSettings.demo(Map.of("CONVERSA_PRIVACY_PEPPER", "", "CONVERSA_DATA_DIR", data.toString()));
    }

    private static String erasedHash(LoopbackClient on) throws Exception {
        return HttpJson.MAPPER.readTree(on.post(PrivacyApi.ERASE, identifier("15550000404")).body())
                .path("identifierHash").asString();
    }

    private static String identifier(String identifier) {
        return HttpJson.MAPPER.writeValueAsString(Map.of("identifier", identifier));
    }
}
