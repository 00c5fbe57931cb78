package dev.conversa.whatsapp;

import dev.conversa.graph.GraphClient;
import dev.conversa.graph.GraphRequest;
import dev.conversa.graph.GraphResponse;
import dev.conversa.graph.MediaDownload;
import dev.conversa.lang.Secret;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Graph client that hands every call to the real client currently in use, so a test can make
 * the Graph API unreachable for a while (the real client on a closed port) and bring it back.
 */
final class SwitchableGraph implements GraphClient {

    private final AtomicReference<GraphClient> current;

    SwitchableGraph(GraphClient initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    void use(GraphClient client) {
        current.set(Objects.requireNonNull(client, "client"));
    }

    @Override
    public GraphResponse execute(GraphRequest request, Secret token) {
        return current.get().execute(request, token);
    }

    @Override
    public MediaDownload download(URI url, Secret token, long maxBytes) {
        return current.get().download(url, token, maxBytes);
    }

    @Override
    public URI baseUrl() {
        return current.get().baseUrl();
    }

    @Override
    public String apiVersion() {
        return current.get().apiVersion();
    }

    @Override
    public GraphClient withBaseUrl(URI baseUrl) {
        return current.get().withBaseUrl(baseUrl);
    }
}
