package dev.conversa.whatsapp;

import dev.conversa.Secret;
import dev.conversa.graph.GraphApiException;
import dev.conversa.graph.GraphClient;
import dev.conversa.graph.GraphRequest;
import dev.conversa.graph.GraphResponse;
import dev.conversa.graph.MediaDownload;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Graph API stand-in that records every call, with its time on the given clock, and answers
 * from a queue (or with a sent message id when the queue is empty).
 */
final class RecordingGraph implements GraphClient {

    static final String SENT_ID = "wamid.HBgLMTYzMTU1NTExODEVAgARGBJTRU5UMDAwMDAwMDAwMDAxAA==";
    static final JsonMapper JSON = JsonMapper.builder().build();

    final List<GraphRequest> requests = new ArrayList<>();
    final List<Secret> tokens = new ArrayList<>();
    final List<Instant> times = new ArrayList<>();
    final List<URI> downloads = new ArrayList<>();
    private final Deque<Supplier<GraphResponse>> answers = new ArrayDeque<>();
    private final Clock clock;
    private MediaDownload media = new MediaDownload(new byte[0], "application/octet-stream");

    RecordingGraph(Clock clock) {
        this.clock = clock;
    }

    RecordingGraph answer(String json) {
        answers.add(() -> new GraphResponse(200, json, Map.of()));
        return this;
    }

    RecordingGraph fail(GraphApiException exception) {
        answers.add(() -> {
            throw exception;
        });
        return this;
    }

    RecordingGraph media(MediaDownload download) {
        this.media = download;
        return this;
    }

    JsonNode lastBody() {
        return JSON.readTree(new String(requests.get(requests.size() - 1).body(), StandardCharsets.UTF_8));
    }

    @Override
    public synchronized GraphResponse execute(GraphRequest request, Secret token) {
        requests.add(request);
        tokens.add(token);
        times.add(clock.instant());
        Supplier<GraphResponse> answer = answers.poll();
        return answer != null ? answer.get() : new GraphResponse(200,
                "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"16315551181\",\"wa_id\":\"16315551181\"}],"
                        + "\"messages\":[{\"id\":\"" + SENT_ID + "\"}]}", Map.of());
    }

    @Override
    public synchronized MediaDownload download(URI url, Secret token, long maxBytes) {
        downloads.add(url);
        tokens.add(token);
        return media;
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
        throw new UnsupportedOperationException("the recording stand-in has one base URL");
    }
}
