package dev.conversa.channel.contract;

import dev.conversa.graph.GraphClient;
import dev.conversa.graph.GraphRequest;
import dev.conversa.graph.GraphResponse;
import dev.conversa.graph.MediaDownload;
import dev.conversa.lang.Secret;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link GraphClient} double for tests that must make no request: it records every call and
 * fails it with an {@link AssertionError}, which no adapter mistakes for a Graph API failure.
 * Thread-safe.
 */
public final class RefusingGraphClient implements GraphClient {

    private final List<String> calls = new CopyOnWriteArrayList<>();

    /**
     * The calls that were attempted, as method and path (or URL).
     *
     * @return the calls, in order; empty when the code under test made none
     */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public GraphResponse execute(GraphRequest request, Secret token) {
        calls.add(request.toString());
        throw new AssertionError("no Graph API request was expected, but got " + request);
    }

    @Override
    public MediaDownload download(URI url, Secret token, long maxBytes) {
        calls.add("download " + url);
        throw new AssertionError("no media download was expected, but got " + url);
    }

    @Override
    public URI baseUrl() {
        return URI.create("https://graph.facebook.com");
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
