package dev.conversa.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.testkit.GraphStandIn;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Real mode with {@code CONVERSA_API_TOKEN} and {@code CONVERSA_PRIVACY_PEPPER}: erase and export
 * of one person at {@code /api/privacy/}, behind the token, the identifier in the body only.
 * Each test that changes data uses a customer of its own.
 */
class PrivacyApiTest {

    private static final String TOKEN = "7c1e5a9b3d2f4e6a8b0c1d3e5f7a9b2c4d6e8f0a1b3c5d7e9f2a4b6c8d0e1f3a";
    private static final String WRONG_TOKEN = TOKEN.substring(0, TOKEN.length() - 1) + "b";
    private static final String[] AUTHORIZED = {"Authorization", "Bearer " + TOKEN};

    private static GraphStandIn graph;
    private static QuickStartApp app;
    private static LoopbackClient client;

    @BeforeAll
    static void startWithAConnectedAccount() throws Exception {
        graph = GraphStandIn.start();
        app = QuickStartApp.start(TestSettings.real(graph.baseUrl(), Map.of("CONVERSA_API_TOKEN", TOKEN)));
        client = new LoopbackClient(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
        graph.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {PrivacyApi.ERASE, PrivacyApi.EXPORT})
    void refusesARequestWithoutAToken(String path) throws Exception {
        HttpResponse<String> response = client.post(path, identifier("15550005001"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {PrivacyApi.ERASE, PrivacyApi.EXPORT})
    void refusesARequestWithAWrongToken(String path) throws Exception {
        HttpResponse<String> response = client.post(path, identifier("15550005001"),
                "Authorization", "Bearer " + WRONG_TOKEN);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer realm=\"conversa\", error=\"invalid_token\"");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void exportsTheConversationOfACustomerWithTheRightToken() throws Exception {
        // given
        RealModeCustomer.asksAndIsAnswered(client, TOKEN, "15550005002", "wamid.PRIVACY.EXPORT");

        // when
        HttpResponse<String> response = client.post(PrivacyApi.EXPORT, identifier("+1 555 000 5002"), AUTHORIZED);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode export = HttpJson.MAPPER.readTree(response.body());
        assertThat(export.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(export.path("contacts").findValuesAsString("externalId")).containsExactly("15550005002");
        assertThat(export.path("messages").findValuesAsString("text"))
                .contains(RealModeCustomer.QUESTION, RealModeCustomer.ANSWER);
    }

    @Test
    void erasesACustomerSoThatTheExportIsEmptyAndAnswersTheCounts() throws Exception {
        // given
        RealModeCustomer.asksAndIsAnswered(client, TOKEN, "15550005003", "wamid.PRIVACY.ERASE");

        // when
        HttpResponse<String> erased = client.post(PrivacyApi.ERASE, identifier("+1 555 000 5003"), AUTHORIZED);

        // then
        assertThat(erased.statusCode()).isEqualTo(200);
        JsonNode report = HttpJson.MAPPER.readTree(erased.body());
        assertThat(report.path("identifierHash").asString()).matches("[0-9a-f]{64}");
        assertThat(report.path("counts").path("contacts").asInt()).isEqualTo(1);
        assertThat(report.path("counts").path("conversations").asInt()).isEqualTo(1);
        assertThat(report.path("counts").path("messages").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(report.path("complete").asBoolean()).isTrue();
        assertThat(erased.body()).doesNotContain("5550005003", RealModeCustomer.QUESTION);
        JsonNode export = HttpJson.MAPPER.readTree(
                client.post(PrivacyApi.EXPORT, identifier("15550005003"), AUTHORIZED).body());
        assertThat(export.path("contacts").isEmpty()).isTrue();
        assertThat(export.path("conversations").isEmpty()).isTrue();
        assertThat(export.path("messages").isEmpty()).isTrue();
        assertThat(client.get("/api/conversations", AUTHORIZED).body()).doesNotContain("15550005003");
    }

    @Test
    void refusesTheIdentifierInTheUrlAndErasesNothing() throws Exception {
        // given
        RealModeCustomer.asksAndIsAnswered(client, TOKEN, "15550005004", "wamid.PRIVACY.URL");

        // when
        HttpResponse<String> response = client.post(PrivacyApi.ERASE + "?identifier=15550005004", "", AUTHORIZED);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("body", "URL").doesNotContain("15550005004");
        JsonNode export = HttpJson.MAPPER.readTree(
                client.post(PrivacyApi.EXPORT, identifier("15550005004"), AUTHORIZED).body());
        assertThat(export.path("contacts").findValuesAsString("externalId")).containsExactly("15550005004");
    }

    @Test
    void refusesAnIdentifierInTheUrlEvenWithOneInTheBody() throws Exception {
        HttpResponse<String> response = client.post(PrivacyApi.EXPORT + "?identifier=15550005001",
                identifier("15550005001"), AUTHORIZED);

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "{\"identifier\":\"\"}", "{\"identifier\":\"   \"}", "{\"identifier\":42}",
            "[\"15550005001\"]", "not json"})
    void refusesARequestWithoutAnIdentifierInTheBody(String body) throws Exception {
        HttpResponse<String> response = client.post(PrivacyApi.ERASE, body, AUTHORIZED);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("identifier");
    }

    @ParameterizedTest
    @ValueSource(strings = {PrivacyApi.ERASE, PrivacyApi.EXPORT})
    void takesPostOnly(String path) throws Exception {
        HttpResponse<String> response = client.get(path, AUTHORIZED);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    private static String identifier(String identifier) {
        return HttpJson.MAPPER.writeValueAsString(Map.of("identifier", identifier));
    }
}
