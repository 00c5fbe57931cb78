package dev.conversa.internal.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.graph.GraphApiException;
import dev.conversa.graph.GraphClient;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class MediaHostsTest {

    private final MediaHosts defaults = new MediaHosts(GraphClient.Builder.DEFAULT_MEDIA_HOSTS, false);

    @Test
    void allowsHttpsSubdomainOfAllowedDomain() {
        assertThatCode(() -> defaults.check(URI.create("https://scontent.xx.fbcdn.net/v/t1/1.jpg?oh=1")))
                .doesNotThrowAnyException();
        assertThatCode(() -> defaults.check(URI.create("https://lookaside.fbsbx.com/whatsapp_business/attachments/")))
                .doesNotThrowAnyException();
    }

    @Test
    void allowsExactHostEntry() {
        MediaHosts exact = new MediaHosts(List.of("media.example.com"), false);

        assertThatCode(() -> exact.check(URI.create("https://MEDIA.example.com/a"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> exact.check(URI.create("https://sub.media.example.com/a")))
                .isInstanceOf(GraphApiException.class);
    }

    @Test
    void refusesLoopbackUnlessOptedIn() {
        assertThatThrownBy(() -> defaults.check(URI.create("http://127.0.0.1:8080/media")))
                .isInstanceOf(GraphApiException.class);
        assertThatCode(() -> new MediaHosts(List.of(".fbcdn.net"), true).check(URI.create("http://127.0.0.1:8080/m")))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesUrlWithUserInfo() {
        assertThatThrownBy(() -> defaults.check(URI.create("https://user@cdn.fbcdn.net/a")))
                .isInstanceOf(GraphApiException.class);
    }

    @Test
    void refusesRelativeUrl() {
        assertThatThrownBy(() -> defaults.check(URI.create("/media/1"))).isInstanceOf(GraphApiException.class);
    }
}
