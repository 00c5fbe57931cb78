package dev.conversa.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.conversa.internal.http.GraphClientConfig;
import dev.conversa.internal.http.JdkGraphClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphClientBuilderTest {

    @Test
    void defaultsToFacebookGraphVersion23() {
        GraphClient client = GraphClient.builder().build();

        assertThat(client.baseUrl()).isEqualTo(URI.create("https://graph.facebook.com"));
        assertThat(client.apiVersion()).isEqualTo("v23.0");
    }

    @Test
    void dropsTrailingSlashOfBaseUrl() {
        GraphClient client = GraphClient.builder().baseUrl(URI.create("https://graph.instagram.com/")).build();

        assertThat(client.baseUrl()).isEqualTo(URI.create("https://graph.instagram.com"));
    }

    @Test
    void rejectsBaseUrlWithQuery() {
        assertThatIllegalStateException()
                .isThrownBy(() -> GraphClient.builder().baseUrl(URI.create("https://graph.facebook.com?x=1")).build())
                .withMessageContaining("baseUrl");
    }

    @Test
    void rejectsApiVersionWithoutLeadingV() {
        assertThatIllegalStateException()
                .isThrownBy(() -> GraphClient.builder().apiVersion("23.0").build())
                .withMessageContaining("apiVersion");
    }

    @Test
    void rejectsZeroRequestTimeout() {
        assertThatIllegalStateException()
                .isThrownBy(() -> GraphClient.builder().requestTimeout(Duration.ZERO).build())
                .withMessageContaining("requestTimeout");
    }

    @Test
    void rejectsNegativeConnectTimeout() {
        assertThatIllegalStateException()
                .isThrownBy(() -> GraphClient.builder().connectTimeout(Duration.ofSeconds(-1)).build())
                .withMessageContaining("connectTimeout");
    }

    @Test
    void rejectsZeroAttempts() {
        assertThatIllegalStateException()
                .isThrownBy(() -> GraphClient.builder().maxAttempts(0).build())
                .withMessageContaining("maxAttempts");
    }

    @Test
    void rejectsMaxBackoffBelowInitialBackoff() {
        assertThatIllegalStateException()
                .isThrownBy(() -> GraphClient.builder().initialBackoff(Duration.ofSeconds(2))
                        .maxBackoff(Duration.ofSeconds(1)).build())
                .withMessageContaining("maxBackoff");
    }

    @Test
    void rejectsEmptyMediaHostList() {
        assertThatIllegalStateException()
                .isThrownBy(() -> GraphClient.builder().allowedMediaHosts(List.of()).build())
                .withMessageContaining("allowedMediaHosts");
    }

    @Test
    void rejectsMediaHostWithScheme() {
        assertThatIllegalStateException()
                .isThrownBy(() -> GraphClient.builder().allowedMediaHosts(List.of("https://cdn.example")).build())
                .withMessageContaining("allowedMediaHosts");
    }

    @Test
    void toBuilderBuildsAnEqualConfigurationAndLeavesTheOriginalAlone() {
        GraphClient original = GraphClient.builder().apiVersion("v22.0").maxAttempts(2).build();

        GraphClient copy = original.toBuilder().build();
        GraphClient changed = original.toBuilder().maxAttempts(7).build();

        assertThat(config(copy)).isEqualTo(config(original));
        assertThat(config(changed).maxAttempts()).isEqualTo(7);
        assertThat(config(original).maxAttempts()).isEqualTo(2);
    }

    private static GraphClientConfig config(GraphClient client) {
        return ((JdkGraphClient) client).config();
    }
}
