package dev.conversa.whatsapp;

import dev.conversa.graph.GraphClient;
import dev.conversa.graph.GraphRequest;
import dev.conversa.graph.GraphResponse;
import dev.conversa.graph.MediaDownload;
import dev.conversa.lang.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Graph API stand-in that notes when, on the fake clock, each send arrived and accepts it, so
 * pacing can be measured without real waiting. Sends only; it serves no media.
 */
final class RecordingGraph implements GraphClient {

    final List<Instant> times = new CopyOnWriteArrayList<>();
    private final Clock clock;

    RecordingGraph(Clock clock) {
        this.clock = clock;
    }

    @Override
    public GraphResponse execute(GraphRequest request, Secret token) {
        times.add(clock.instant());
        return new GraphResponse(200, GraphStub.SENT, Map.of());
    }

    @Override
    public MediaDownload download(URI url, Secret token, long maxBytes) {
        throw new UnsupportedOperationException("the pacing stand-in serves no media");
    }

    @Override
    public URI baseUrl() {
        return URI.create("https://graph.facebook.com");
    }

    @Override
    public String apiVersion() {
        return GraphStub.VERSION;
    }

    @Override
    public GraphClient withBaseUrl(URI baseUrl) {
        throw new UnsupportedOperationException("the pacing stand-in has one base URL");
    }
}
