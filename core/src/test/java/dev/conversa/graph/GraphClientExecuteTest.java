package dev.conversa.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.conversa.lang.Secret;
import dev.conversa.testsupport.LoopbackWireMock;
import dev.conversa.time.RecordingSleeper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GraphClientExecuteTest {

    @RegisterExtension
    static LoopbackWireMock wm = new LoopbackWireMock();

    private final Secret token = Secret.of(TokenLeaks.TOKEN);

    private GraphClient client() {
        return GraphClient.builder().baseUrl(baseUrl()).sleeper(new RecordingSleeper()).build();
    }

    private static URI baseUrl() {
        return wm.baseUri();
    }

    @Test
    void postsJsonToVersionedPathWithBearerToken() {
        // given
        wm.stubFor(post("/v23.0/123/messages").willReturn(okJson("{\"messages\":[{\"id\":\"wamid.1\"}]}")));

        // when
        GraphResponse response = client().execute(
                GraphRequest.postJson("/123/messages", "{\"messaging_product\":\"whatsapp\",\"to\":\"1\"}"), token);

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"messages\":[{\"id\":\"wamid.1\"}]}");
        wm.verify(1, postRequestedFor(urlPathEqualTo("/v23.0/123/messages"))
                .withHeader("Authorization", equalTo("Bearer " + TokenLeaks.TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"messaging_product\":\"whatsapp\",\"to\":\"1\"}")));
    }

    @Test
    void encodesQueryParametersOfGet() {
        wm.stubFor(get(urlPathEqualTo("/v23.0/me/accounts")).willReturn(okJson("{\"data\":[]}")));

        client().execute(GraphRequest.get("/me/accounts", Map.of("fields", "id,name", "limit", "a b")), token);

        wm.verify(getRequestedFor(urlPathEqualTo("/v23.0/me/accounts"))
                .withQueryParam("fields", equalTo("id,name"))
                .withQueryParam("limit", equalTo("a b")));
    }

    @Test
    void neverSendsTokenInQuery() {
        wm.stubFor(get(urlPathEqualTo("/v23.0/me")).willReturn(okJson("{}")));

        client().execute(GraphRequest.get("/me", Map.of("fields", "id")), token);

        LoggedRequest request = wm.findAll(getRequestedFor(urlPathEqualTo("/v23.0/me"))).get(0);
        assertThat(request.getUrl()).doesNotContain(TokenLeaks.TOKEN);
    }

    @Test
    void exposesResponseHeadersUnderLowerCaseNames() {
        wm.stubFor(get("/v23.0/me").willReturn(okJson("{}").withHeader("X-App-Usage", "{\"call_count\":5}")));

        GraphResponse response = client().execute(GraphRequest.get("/me", Map.of()), token);

        assertThat(response.headers()).containsKey("x-app-usage");
        assertThat(response.header("X-App-Usage")).contains("{\"call_count\":5}");
    }

    @Test
    void sendsMultipartUploadWithFieldsAndFile() {
        // given
        wm.stubFor(post("/v23.0/123/media").willReturn(okJson("{\"id\":\"media-1\"}")));
        byte[] image = {(byte) 0xFF, (byte) 0xD8, 'j', 'p', 'g'};
        GraphRequest upload = GraphRequest.multipart("/123/media", List.of(
                MultipartPart.field("messaging_product", "whatsapp"),
                MultipartPart.file("file", "photo.jpg", "image/jpeg", image)));

        // when
        GraphResponse response = client().execute(upload, token);

        // then
        assertThat(response.body()).contains("media-1");
        LoggedRequest request = wm.findAll(postRequestedFor(urlPathEqualTo("/v23.0/123/media"))).get(0);
        String contentType = request.getHeader("Content-Type");
        assertThat(contentType).startsWith("multipart/form-data; boundary=");
        String boundary = contentType.substring(contentType.indexOf('=') + 1);
        String body = new String(request.getBody(), StandardCharsets.ISO_8859_1);
        assertThat(body).startsWith("--" + boundary + "\r\n")
                .contains("Content-Disposition: form-data; name=\"messaging_product\"\r\n\r\nwhatsapp\r\n")
                .contains("Content-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n\u00FF\u00D8jpg\r\n")
                .endsWith("--" + boundary + "--\r\n");
    }

    @Test
    void copyOnOtherBaseUrlSendsThereWithSameVersion() {
        wm.stubFor(get("/proxy/v23.0/me").willReturn(okJson("{\"id\":\"1\"}")));
        GraphClient proxied = client().withBaseUrl(URI.create(baseUrl() + "/proxy/"));

        GraphResponse response = proxied.execute(GraphRequest.get("/me", Map.of()), token);

        assertThat(response.body()).isEqualTo("{\"id\":\"1\"}");
        assertThat(proxied.baseUrl()).isEqualTo(URI.create(baseUrl() + "/proxy"));
        assertThat(proxied.apiVersion()).isEqualTo("v23.0");
    }

    @Test
    void usesConfiguredApiVersionInPath() {
        wm.stubFor(get("/v24.0/me").willReturn(aResponse().withStatus(204)));
        GraphClient client = GraphClient.builder().baseUrl(baseUrl()).apiVersion("v24.0").build();

        GraphResponse response = client.execute(GraphRequest.get("/me", Map.of()), token);

        assertThat(response.status()).isEqualTo(204);
    }

    @Test
    void toStringShowsOnlyBaseUrlAndVersion() {
        assertThat(client().toString()).isEqualTo("GraphClient[" + baseUrl() + ", v23.0]");
    }
}
