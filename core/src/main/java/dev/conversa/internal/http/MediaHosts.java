package dev.conversa.internal.http;

import dev.conversa.graph.GraphApiException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Decides which media URLs may receive the access token: https on an allowed host, or, only when
 * a test opted in, plain http on 127.0.0.1.
 */
final class MediaHosts {

    private static final String LOOPBACK = "127.0.0.1";

    private final List<String> allowed;
    private final boolean insecureLoopback;

    MediaHosts(List<String> allowed, boolean insecureLoopback) {
        this.allowed = allowed.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.insecureLoopback = insecureLoopback;
    }

    /**
     * Checks a URL before any network call.
     *
     * @throws GraphApiException (not retryable) naming only the host if the URL is not allowed
     */
    void check(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || host.isEmpty() || url.getRawUserInfo() != null) {
            throw refused("media URL is not an absolute URL with a host");
        }
        boolean loopback = insecureLoopback && LOOPBACK.equals(host) && (scheme.equals("http") || scheme.equals("https"));
        if (loopback) {
            return;
        }
        if (!scheme.equals("https")) {
            throw refused("media URL must use https, not " + scheme);
        }
        if (allowed.stream().noneMatch(entry -> matches(entry, host))) {
            throw refused("media host is not allowed: " + host);
        }
    }

    private static boolean matches(String entry, String host) {
        return entry.startsWith(".") ? host.endsWith(entry) : host.equals(entry);
    }

    private static GraphApiException refused(String why) {
        return GraphErrors.noResponse(why + " (the access token is sent only to allowed media hosts)", false, null);
    }
}
