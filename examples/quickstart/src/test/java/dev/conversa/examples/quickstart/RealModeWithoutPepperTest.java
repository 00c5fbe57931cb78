package dev.conversa.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.lang.Secret;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.SignedRequests;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real mode with an API token but neither {@code CONVERSA_PRIVACY_PEPPER} nor
 * {@code CONVERSA_PUBLIC_URL}: no pepper is generated, so erase and export are off; the data
 * deletion callback is off; the deauthorize callback works.
 */
class RealModeWithoutPepperTest {

    private static final String TOKEN = "f".repeat(48);

    private static GraphStandIn graph;
    private static QuickStartApp app;
    private static LoopbackClient client;

    @BeforeAll
    static void startWithoutAPepper() throws Exception {
        graph = GraphStandIn.start();
        app = QuickStartApp.start(TestSettings.real(graph.baseUrl(),
                Map.of("CONVERSA_API_TOKEN", TOKEN, "CONVERSA_PRIVACY_PEPPER", "")));
        client = new LoopbackClient(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
        graph.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {PrivacyApi.ERASE, PrivacyApi.EXPORT})
    void servesNoEraseOrExportAndSaysWhichSettingIsMissing(String path) throws Exception {
        HttpResponse<String> response = client.post(path, "{\"identifier\":\"15550001111\"}",
                "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("CONVERSA_PRIVACY_PEPPER");
    }

    @Test
    void stillRequiresTheTokenForThePrivacyPaths() throws Exception {
        assertThat(client.post(PrivacyApi.ERASE, "{\"identifier\":\"15550001111\"}").statusCode()).isEqualTo(401);
    }

    @Test
    void servesNoDataDeletionCallbackWithoutAPublicUrl() throws Exception {
        assertThat(client.postForm(MetaCallbacks.DATA_DELETION, signedRequest()).statusCode()).isEqualTo(404);
    }

    @Test
    void servesTheDeauthorizeCallback() throws Exception {
        assertThat(client.postForm(MetaCallbacks.DEAUTHORIZE, signedRequest()).statusCode()).isEqualTo(200);
    }

    private static String signedRequest() {
        return new String(SignedRequests.builder().appSecret(Secret.of(TestSettings.APP_SECRET)).build().toRequest()
                .body(), StandardCharsets.US_ASCII);
    }
}
