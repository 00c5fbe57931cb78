package dev.conversa.testsupport;

import dev.conversa.graph.GraphClient;
import dev.conversa.graph.GraphRequest;
import dev.conversa.graph.GraphResponse;
import dev.conversa.graph.MediaDownload;
import dev.conversa.lang.Secret;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Graph client that answers every call with 200 {@code {}} and records it. Thread-safe. */
public final class AcceptingGraph implements GraphClient {

    private final List<GraphRequest> requests = new CopyOnWriteArrayList<>();

    /**
     * The requests received so far.
     *
     * @return them, in order
     */
    public List<GraphRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public GraphResponse execute(GraphRequest request, Secret token) {
        requests.add(request);
        return new GraphResponse(200, "{}", Map.of());
    }

    @Override
    public MediaDownload download(URI url, Secret token, long maxBytes) {
        throw new UnsupportedOperationException("no media in these tests");
    }

    @Override
    public URI baseUrl() {
        return URI.create("https://graph.invalid");
    }

    @Override
    public String apiVersion() {
        return "v23.0";
    }

    @Override
    public GraphClient withBaseUrl(URI baseUrl) {
        return this;
    }
}
