package dev.conversa.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.channel.SendResult;
import dev.conversa.graph.GraphClient;
import dev.conversa.model.Text;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.whatsapp.WhatsAppGraph;
import dev.conversa.testsupport.MutableClock;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The test kit's Graph stand-in, taught WhatsApp by {@link WhatsAppGraph}, against the real client. */
class GraphStandInTest {

    private final GraphStandIn standIn = GraphStandIn.start();
    private final GraphClient graph = GraphClient.builder().baseUrl(standIn.baseUrl()).maxAttempts(1)
            .sleeper(d -> { }).build();
    private final MutableClock clock = MutableClock.at(Sends.NOW);
    private final WhatsAppChannel channel = WhatsAppChannel.builder().clock(clock).sleeper(clock::advance).build();

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void answersASendWithAWamid() {
        SendResult result = channel.send(Sends.request(new Text("hi")), graph);

        assertThat(result.messageId()).hasValueSatisfying(id -> assertThat(id).startsWith("wamid."));
        assertThat(standIn.awaitRequests(1, Duration.ofSeconds(5)).get(0).path())
                .isEqualTo("/v23.0/" + Sends.NUMBER + "/messages");
    }

    @Test
    void injectsPairRateLimit() {
        assertFailsWith(WhatsAppGraph::pairRateLimitNext, WhatsAppError.PAIR_RATE_LIMIT, true);
    }

    @Test
    void injectsUndeliverable() {
        assertFailsWith(WhatsAppGraph::undeliverableNext, WhatsAppError.UNDELIVERABLE, false);
    }

    @Test
    void injectsSpamRateLimit() {
        assertFailsWith(WhatsAppGraph::spamRateLimitNext, WhatsAppError.SPAM_RATE_LIMIT, false);
    }

    @Test
    void injectsInvalidParameter() {
        assertFailsWith(WhatsAppGraph::invalidParameterNext, WhatsAppError.INVALID_PARAMETER, false);
    }

    @Test
    void injectsOutsideWindowAndExpiredToken() {
        assertFailsWith(GraphStandIn::outsideWindowNext, WhatsAppError.OUTSIDE_WINDOW, false);
        assertFailsWith(GraphStandIn::expiredTokenNext, WhatsAppError.ACCESS_TOKEN, false);
    }

    @Test
    void answersMediaUploads() {
        WhatsAppGraph.acceptUploads(standIn, Sends.NUMBER, "998877");

        String id = WhatsAppMedia.builder().graph(graph).build().upload(Sends.ACCOUNT, new byte[] {1, 2}, "image/png", "a.png");

        assertThat(id).isEqualTo("998877");
    }

    @Test
    void answersMediaLookupsWithTheGivenUrl() {
        WhatsAppGraph.mediaLookup(standIn, "1003383421387256", "https://attacker.example.com/x", "image/jpeg", 2);

        assertThatThrownBy(() -> WhatsAppMedia.builder().graph(graph).build().download(Sends.ACCOUNT, "1003383421387256"))
                .hasMessageContaining("attacker.example.com");
        assertThat(standIn.requests()).singleElement()
                .satisfies(request -> assertThat(request.path()).isEqualTo("/v23.0/1003383421387256"));
    }

    private void assertFailsWith(Consumer<GraphStandIn> failure, WhatsAppError error, boolean retryable) {
        failure.accept(standIn);

        assertThatThrownBy(() -> channel.send(Sends.request(new Text("hi")), graph))
                .isInstanceOfSatisfying(WhatsAppException.class, e -> {
                    assertThat(e.error()).isEqualTo(error);
                    assertThat(e.isRetryable()).isEqualTo(retryable);
                });
    }
}
