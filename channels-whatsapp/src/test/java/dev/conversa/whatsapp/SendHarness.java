package dev.conversa.whatsapp;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.conversa.channel.SendRequest;
import dev.conversa.channel.SendResult;
import dev.conversa.graph.GraphClient;
import dev.conversa.model.OutboundContent;
import dev.conversa.testsupport.LoopbackWireMock;
import dev.conversa.testsupport.MutableClock;
import java.util.List;

/**
 * WireMock on 127.0.0.1 accepting every send, and before each test a fresh WhatsApp channel on a
 * clock that moves only when the channel waits, sending through the real Graph client.
 *
 * <pre>{@code
 * @RegisterExtension
 * static SendHarness whatsapp = new SendHarness();
 * }</pre>
 */
final class SendHarness extends LoopbackWireMock {

    private static final String ENVELOPE =
            "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"" + Sends.CUSTOMER + "\",";

    private GraphClient graph;
    private WhatsAppChannel channel;

    @Override
    protected void onBeforeEach(WireMockRuntimeInfo wireMock) {
        MutableClock clock = MutableClock.at(Sends.NOW);
        graph = GraphStub.client(this);
        channel = WhatsAppChannel.builder().clock(clock).sleeper(clock::advance).build();
        GraphStub.acceptMessages(this);
    }

    SendResult send(SendRequest request) {
        return channel.send(request, graph);
    }

    SendResult send(OutboundContent content) {
        return send(Sends.request(content));
    }

    /** Every request the stub received in this test, oldest first. */
    List<LoggedRequest> requests() {
        return GraphStub.requests(this);
    }

    /** Asserts the last request was a send of exactly this JSON, on the versioned path with the token. */
    void assertLastSent(String expectedJson) {
        GraphStub.assertLastSent(this, expectedJson);
    }

    /**
     * Sends the content and asserts the body: the envelope addressed to {@link Sends#CUSTOMER}
     * followed by the fields of {@code typeAndContent}, a JSON object.
     */
    void assertRendered(OutboundContent content, String typeAndContent) {
        send(content);
        assertLastSent(ENVELOPE + typeAndContent.strip().substring(1));
    }
}
