package dev.conversa.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuickStartConfigTest {

    private static final String WHATSAPP = "WHATSAPP_PHONE_NUMBER_ID";

    @Test
    void listensOnLoopbackByDefaultInDemoMode() throws IOException {
        assertThat(QuickStartConfig.load(Map.of()).host()).isEqualTo("127.0.0.1");
    }

    @Test
    void listensOnAllInterfacesByDefaultWithConnectedAccounts() throws IOException {
        assertThat(QuickStartConfig.load(Map.of(WHATSAPP, "1234567890")).host()).isEqualTo("0.0.0.0");
    }

    @Test
    void listensWhereConversaHostSaysInEitherMode() throws IOException {
        assertThat(QuickStartConfig.load(Map.of("CONVERSA_HOST", "0.0.0.0")).host()).isEqualTo("0.0.0.0");
        assertThat(QuickStartConfig.load(Map.of("CONVERSA_HOST", "127.0.0.1", WHATSAPP, "1234567890")).host())
                .isEqualTo("127.0.0.1");
    }

    @Test
    void hasNoApiTokenWhenUnset() throws IOException {
        assertThat(QuickStartConfig.load(Map.of(WHATSAPP, "1234567890")).apiToken()).isEmpty();
    }

    @Test
    void acceptsAnApiTokenOf32Characters() throws IOException {
        String token = "a".repeat(32);

        assertThat(QuickStartConfig.load(Map.of("CONVERSA_API_TOKEN", token)).apiToken())
                .hasValueSatisfying(secret -> assertThat(secret.reveal()).isEqualTo(token));
    }

    @Test
    void refusesAnApiTokenShorterThan32Characters() throws IOException {
        QuickStartConfig config = QuickStartConfig.load(Map.of("CONVERSA_API_TOKEN", "short-token-of-31-characters-xx"));

        assertThatThrownBy(config::apiToken)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CONVERSA_API_TOKEN")
                .hasMessageContaining("32")
                .hasMessageNotContaining("short-token");
    }

    @Test
    void refusesAPrivacyPepperShorterThan32Characters() throws IOException {
        QuickStartConfig config = QuickStartConfig.load(Map.of("CONVERSA_PRIVACY_PEPPER", "short-pepper-of-31-characters-x"));

        assertThatThrownBy(config::privacyPepper)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CONVERSA_PRIVACY_PEPPER")
                .hasMessageContaining("32")
                .hasMessageNotContaining("short-pepper");
    }

    @Test
    void takesThePublicUrlWithoutItsTrailingSlash() throws IOException {
        assertThat(QuickStartConfig.load(Map.of("CONVERSA_PUBLIC_URL", "https://shop.example/")).publicUrl())
                .hasValue("https://shop.example");
        assertThat(QuickStartConfig.load(Map.of()).publicUrl()).isEmpty();
    }

    @Test
    void refusesAPublicUrlThatIsNotHttps() throws IOException {
        QuickStartConfig config = QuickStartConfig.load(Map.of("CONVERSA_PUBLIC_URL", "http://shop.example"));

        assertThatThrownBy(config::publicUrl)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CONVERSA_PUBLIC_URL")
                .hasMessageContaining("https://");
    }
}
