package dev.conversa.instagram;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class InstagramChannelBuilderTest {

    @Test
    void buildNamesALoginBaseUrlThatIsNotAnHttpUrl() {
        assertThatThrownBy(() -> InstagramChannel.builder().loginBaseUrl(URI.create("graph.instagram.com")).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("loginBaseUrl must be an absolute http(s) URL");
    }
}
