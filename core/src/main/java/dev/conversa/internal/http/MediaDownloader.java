package dev.conversa.internal.http;

import dev.conversa.graph.GraphApiException;
import dev.conversa.graph.MediaDownload;
import dev.conversa.lang.Secret;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches media bytes with the access token: checks every URL against {@link MediaHosts} before
 * contacting it, follows redirects only on the same host, and streams the body with a size cap.
 */
final class MediaDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(MediaDownloader.class);
    private static final int MAX_REDIRECTS = 3;
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final int CHUNK = 8192;

    private final HttpClient http;
    private final GraphClientConfig config;
    private final GraphErrors errors;
    private final MediaHosts hosts;

    MediaDownloader(HttpClient http, GraphClientConfig config, GraphErrors errors) {
        this.http = http;
        this.config = config;
        this.errors = errors;
        this.hosts = new MediaHosts(config.mediaHosts(), config.insecureLoopback());
    }

    MediaDownload downloadOnce(URI url, Secret token, long maxBytes) {
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            hosts.check(current);
            HttpRequest request = HttpRequest.newBuilder(current)
                    .timeout(config.requestTimeout())
                    .header("Authorization", "Bearer " + token.reveal())
                    .GET()
                    .build();
            HttpResponse<InputStream> response = JdkGraphClient.send(http, request, HttpResponse.BodyHandlers.ofInputStream());
            LOG.debug("Media GET {} -> {}", current.getHost(), response.statusCode());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status >= 300 && status <= 399 && response.headers().firstValue("location").isPresent()) {
                    if (redirects >= MAX_REDIRECTS) {
                        throw GraphErrors.noResponse("media download redirected more than " + MAX_REDIRECTS + " times",
                                false, null);
                    }
                    current = sameHostRedirect(current, response.headers().firstValue("location").get());
                    continue;
                }
                if (status < 200 || status > 299) {
                    throw errors.fromResponse(status, body.readNBytes(MAX_ERROR_BODY),
                            response.headers().firstValue("retry-after").orElse(null), token, "GET");
                }
                String contentType = response.headers().firstValue("content-type").orElse("application/octet-stream");
                return new MediaDownload(readCapped(body, response.headers().firstValueAsLong("content-length"),
                        maxBytes, status), contentType);
            } catch (IOException e) {
                throw GraphErrors.noResponse("media download failed while reading the body", true,
                        e);
            }
        }
    }

    private static URI sameHostRedirect(URI from, String location) {
        URI target = from.resolve(location);
        if (target.getHost() == null || !target.getHost().equalsIgnoreCase(from.getHost())) {
            throw GraphErrors.noResponse("media download redirected to another host, not followed: "
                    + target.getHost(), false, null);
        }
        return target;
    }

    static byte[] readCapped(InputStream body, OptionalLong declared, long maxBytes, int status)
            throws IOException {
        if (declared.isPresent() && declared.getAsLong() > maxBytes) {
            throw tooLarge(maxBytes, status);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        for (int read = body.read(chunk); read != -1; read = body.read(chunk)) {
            total += read;
            if (total > maxBytes) {
                throw tooLarge(maxBytes, status);
            }
            out.write(chunk, 0, read);
        }
        return out.toByteArray();
    }

    private static GraphApiException tooLarge(long maxBytes, int status) {
        return GraphApiException.builder("media is larger than the cap of " + maxBytes + " bytes").httpStatus(status)
                .build();
    }
}
