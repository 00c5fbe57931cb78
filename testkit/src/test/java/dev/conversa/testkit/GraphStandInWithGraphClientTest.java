package dev.conversa.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.conversa.graph.GraphApiException;
import dev.conversa.graph.GraphClient;
import dev.conversa.graph.GraphRequest;
import dev.conversa.graph.GraphResponse;
import dev.conversa.lang.Secret;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GraphStandInWithGraphClientTest {

    private static final String WHATSAPP_TEXT = "{\"messaging_product\":\"whatsapp\",\"to\":\"15550100\","
            + "\"type\":\"text\",\"text\":{\"body\":\"hello\"}}";

    private final GraphStandIn graph = GraphStandIn.start();
    private final List<Duration> waited = new CopyOnWriteArrayList<>();
    private final GraphClient client = GraphClient.builder().baseUrl(graph.baseUrl()).sleeper(waited::add).build();
    private final Secret token = Secret.of("stand-in-token");

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void graphClientSendsThroughTheStandIn() {
        GraphResponse response = client.execute(GraphRequest.postJson("/123/messages", WHATSAPP_TEXT), token);

        assertThat(response.body()).contains("wamid.");
        assertThat(graph.requests().get(0).header("authorization")).contains("Bearer stand-in-token");
    }

    @Test
    void graphClientReportsARateLimitedSendAsSafeToTryAgainWithoutRepeatingIt() {
        graph.rateLimitNext();

        GraphApiException failure = catchThrowableOfType(GraphApiException.class,
                () -> client.execute(GraphRequest.postJson("/123/messages", WHATSAPP_TEXT), token));

        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.isOutcomeUnknown()).isFalse();
        assertThat(graph.requests()).hasSize(1);
        assertThat(waited).isEmpty();
        GraphResponse response = client.execute(GraphRequest.postJson("/123/messages", WHATSAPP_TEXT), token);
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void graphClientReportsExpiredTokenWithoutRetry() {
        graph.expiredTokenNext();

        GraphApiException failure = catchThrowableOfType(GraphApiException.class,
                () -> client.execute(GraphRequest.postJson("/123/messages", WHATSAPP_TEXT), token));

        assertThat(failure.code()).hasValue(190);
        assertThat(failure.subcode()).hasValue(463);
        assertThat(failure.isRetryable()).isFalse();
        assertThat(graph.requests()).hasSize(1);
    }

    @Test
    void graphClientReportsOutsideWindowAsPermanent() {
        graph.outsideWindowNext();

        GraphApiException failure = catchThrowableOfType(GraphApiException.class,
                () -> client.execute(GraphRequest.postJson("/me/messages", "{\"recipient\":{\"id\":\"1\"}}"), token));

        assertThat(failure.code()).hasValue(10);
        assertThat(failure.subcode()).hasValue(2018278);
        assertThat(failure.isRetryable()).isFalse();
    }
}
