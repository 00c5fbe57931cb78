package dev.conversa.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.conversa.graph.GraphClient;
import dev.conversa.testsupport.LoopbackWireMock;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** WireMock on 127.0.0.1 standing in for the Graph API, and the real Graph client pointed at it. */
final class GraphStub {

    static final String VERSION = "v23.0";
    static final String MESSAGES = "/" + VERSION + "/" + Sends.NUMBER + "/messages";
    static final String SENT_ID = "wamid.HBgLMTYzMTU1NTExODEVAgARGBJTRU5UMDAwMDAwMDAwMDAxAA==";
    static final String SENT = "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"16315551181\","
            + "\"wa_id\":\"16315551181\"}],\"messages\":[{\"id\":\"" + SENT_ID + "\"}]}";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private GraphStub() {}

    /** The real client on the stub, retrying up to 3 attempts without waiting between them. */
    static GraphClient client(LoopbackWireMock wm) {
        return GraphClient.builder()
                .baseUrl(wm.baseUri())
                .apiVersion(VERSION)
                .maxAttempts(3)
                .sleeper(duration -> { })
                .allowInsecureLoopbackForTests(true)
                .build();
    }

    static void acceptMessages(LoopbackWireMock wm) {
        wm.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(okJson(SENT)));
    }

    /** Every request the stub received, oldest first. */
    static List<LoggedRequest> requests(LoopbackWireMock wm) {
        List<ServeEvent> events = wm.getAllServeEvents();
        return events.stream().map(ServeEvent::getRequest)
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    /** Asserts the last request was a send of exactly this JSON, on the versioned path with the token. */
    static void assertLastSent(LoopbackWireMock wm, String expectedJson) {
        List<LoggedRequest> requests = requests(wm);
        LoggedRequest last = requests.get(requests.size() - 1);
        assertThat(last.getMethod().getName()).isEqualTo("POST");
        assertThat(last.getUrl()).isEqualTo(MESSAGES);
        assertThat(last.getHeader("Authorization"))
                .isEqualTo("Bearer " + Sends.TOKEN.reveal());
        assertThat(body(last)).isEqualTo(JSON.readTree(expectedJson));
    }

    static JsonNode body(LoggedRequest request) {
        return JSON.readTree(request.getBodyAsString());
    }
}
