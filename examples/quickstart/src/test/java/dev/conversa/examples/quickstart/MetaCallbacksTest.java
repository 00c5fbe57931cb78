package dev.conversa.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.lang.Secret;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.SignedRequests;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Real mode with {@code CONVERSA_PUBLIC_URL} and {@code META_APP_USER_ID}: Meta's data deletion
 * and deauthorize callbacks at {@code /meta/}, verified by the {@code signed_request} and not by
 * the API token, and the deletion status page.
 */
class MetaCallbacksTest {

    private static final String PUBLIC_URL = "https://shop.example";
    private static final String APP_USER = "880011223344";
    private static final String OTHER_APP_USER = "990055667788";
    private static final String TOKEN = "e".repeat(64);

    private static GraphStandIn graph;
    private static QuickStartApp app;
    private static LoopbackClient client;

    @BeforeAll
    static void startWithAnAccountTheAppUserConnected() throws Exception {
        graph = GraphStandIn.start();
        app = QuickStartApp.start(TestSettings.real(graph.baseUrl(), Map.of("CONVERSA_PUBLIC_URL", PUBLIC_URL + "/",
                "META_APP_USER_ID", APP_USER, "CONVERSA_API_TOKEN", TOKEN)));
        client = new LoopbackClient(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
        graph.close();
    }

    @Test
    void answersAValidDeletionCallbackWithTheStatusUrlAndAConfirmationCode() throws Exception {
        HttpResponse<String> response = post(MetaCallbacks.DATA_DELETION, signed(TestSettings.APP_SECRET, OTHER_APP_USER));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = HttpJson.MAPPER.readTree(response.body());
        String code = answer.path("confirmation_code").asString();
        assertThat(code).matches("[A-Za-z0-9]{8,64}");
        assertThat(answer.path("url").asString()).isEqualTo(PUBLIC_URL + "/meta/deletion-status?code=" + code);
    }

    @Test
    void refusesAForgedDeletionCallback() throws Exception {
        HttpResponse<String> response = post(MetaCallbacks.DATA_DELETION, signed("not-the-app-secret", OTHER_APP_USER));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain(OTHER_APP_USER, "confirmation_code");
    }

    @Test
    void servesTheStatusOfARequestAndShowsDoneOnceCarriedOut() throws Exception {
        // given
        String code = HttpJson.MAPPER.readTree(post(MetaCallbacks.DATA_DELETION,
                signed(TestSettings.APP_SECRET, OTHER_APP_USER)).body()).path("confirmation_code").asString();
        HttpResponse<String> received = client.get(MetaCallbacks.DELETION_STATUS + "?code=" + code);
        assertThat(received.statusCode()).isEqualTo(200);
        assertThat(received.body()).contains(code, "RECEIVED");

        // when
        app.conversa().dataDeletions().run(Instant.now());

        // then
        HttpResponse<String> done = client.get(MetaCallbacks.DELETION_STATUS + "?code=" + code);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(done.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(done.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(done.body()).contains("DONE").doesNotContain(OTHER_APP_USER, TestSettings.WHATSAPP_ACCOUNT);
    }

    @Test
    void answersAnUnknownOrMalformedCodeWith404WithoutEchoingIt() throws Exception {
        HttpResponse<String> unknown = client.get(MetaCallbacks.DELETION_STATUS + "?code=Unknown0Code0123");
        HttpResponse<String> malformed = client.get(MetaCallbacks.DELETION_STATUS + "?code=%3Cscript%3E");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).doesNotContain("Unknown0Code0123");
        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(malformed.body()).doesNotContain("<script>");
    }

    @Test
    void aForgedDeauthorizeIsRefusedAndAValidOneDisconnectsTheAccountsTheAppUserConnected() throws Exception {
        // given
        assertThat(app.conversa().accounts(QuickStartApp.TENANT)).extracting(account -> account.appUserId().orElse(""))
                .containsExactly(APP_USER);
        HttpResponse<String> forged = post(MetaCallbacks.DEAUTHORIZE, signed("not-the-app-secret", APP_USER));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(app.conversa().accounts(QuickStartApp.TENANT)).hasSize(1);

        // when
        HttpResponse<String> valid = post(MetaCallbacks.DEAUTHORIZE, signed(TestSettings.APP_SECRET, APP_USER));

        // then
        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(app.conversa().accounts(QuickStartApp.TENANT)).isEmpty();
    }

    @Test
    void theCallbacksNeedNoApiTokenButTheApiStillDoes() throws Exception {
        assertThat(client.get("/api/conversations").statusCode()).isEqualTo(401);
        assertThat(post(MetaCallbacks.DATA_DELETION, signed(TestSettings.APP_SECRET, OTHER_APP_USER)).statusCode())
                .isEqualTo(200);
    }

    private static String signed(String appSecret, String appUser) {
        return new String(SignedRequests.builder().appSecret(Secret.of(appSecret)).userId(appUser)
                .issuedAt(Instant.now()).build().toRequest().body(), StandardCharsets.US_ASCII);
    }

    private static HttpResponse<String> post(String path, String form) throws Exception {
        return client.postForm(path, form);
    }
}
