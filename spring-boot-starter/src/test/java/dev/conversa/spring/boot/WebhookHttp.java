package dev.conversa.spring.boot;

import dev.conversa.webhook.WebhookRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Sends a testkit {@link WebhookRequest} over HTTP to the application's webhook URL. */
final class WebhookHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> SENT_HEADERS = List.of("X-Hub-Signature-256", "Content-Type");

    private WebhookHttp() {}

    static HttpResponse<String> post(int port, String path, WebhookRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (String name : SENT_HEADERS) {
            request.header(name).ifPresent(value -> http.header(name, value));
        }
        return HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(int port, String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
