package dev.conversa;

import dev.conversa.graph.GraphClient;
import dev.conversa.graph.GraphRequest;
import dev.conversa.graph.GraphResponse;
import dev.conversa.graph.MediaDownload;
import dev.conversa.lang.Secret;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Graph client an adapter sends one outbox entry with: before the first call that is not a
 * read, it runs the outbox's {@code markSending}, so that the entry becomes {@code SENDING}
 * right before the request that may deliver it, and not during the waits and look-ups before.
 * A call that is refused by {@code markSending} (the lease was lost) is never made. For a marker
 * (typing, read receipt) the outbox sender's {@code markSending} only checks the lease.
 */
final class SendingMarker implements GraphClient {

    private final GraphClient delegate;
    private final Runnable markSending;
    private final AtomicBoolean marked;

    SendingMarker(GraphClient delegate, Runnable markSending) {
        this(delegate, markSending, new AtomicBoolean());
    }

    private SendingMarker(GraphClient delegate, Runnable markSending, AtomicBoolean marked) {
        this.delegate = delegate;
        this.markSending = markSending;
        this.marked = marked;
    }

    /** Whether a request that may deliver the message was made, or is being made. */
    boolean marked() {
        return marked.get();
    }

    @Override
    public GraphResponse execute(GraphRequest request, Secret token) {
        if (!"GET".equalsIgnoreCase(request.method()) && !marked.get()) {
            markSending.run();
            marked.set(true);
        }
        return delegate.execute(request, token);
    }

    @Override
    public MediaDownload download(URI url, Secret token, long maxBytes) {
        return delegate.download(url, token, maxBytes);
    }

    @Override
    public URI baseUrl() {
        return delegate.baseUrl();
    }

    @Override
    public String apiVersion() {
        return delegate.apiVersion();
    }

    @Override
    public GraphClient withBaseUrl(URI baseUrl) {
        return new SendingMarker(delegate.withBaseUrl(baseUrl), markSending, marked);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
