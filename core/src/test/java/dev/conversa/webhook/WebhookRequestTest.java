package dev.conversa.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookRequestTest {

    @Test
    void looksUpHeadersWithoutRegardToCase() {
        WebhookRequest request = WebhookRequest.builder().header("X-Hub-Signature-256", "sha256=ab").build();

        assertThat(request.header("x-hub-signature-256")).contains("sha256=ab");
        assertThat(request.header("X-HUB-SIGNATURE-256")).contains("sha256=ab");
    }

    @Test
    void keepsEveryValueOfARepeatedHeaderAndAnswersTheFirst() {
        WebhookRequest request = WebhookRequest.builder()
                .headers(Map.of("Accept", List.of("a", "b")))
                .build();

        assertThat(request.header("accept")).contains("a");
        assertThat(request.headerValues("ACCEPT")).containsExactly("a", "b");
    }

    @Test
    void ignoresHeaderWithoutValue() {
        WebhookRequest request = WebhookRequest.builder().header("X-Hub-Signature-256", null).build();

        assertThat(request.header("X-Hub-Signature-256")).isEmpty();
    }

    @Test
    void decodesARawQueryString() {
        WebhookRequest request = WebhookRequest.builder()
                .rawQuery("hub.mode=subscribe&hub.challenge=0042&hub.verify_token=a%20b%2Bc&flag")
                .build();

        assertThat(request.queryParameter("hub.mode")).contains("subscribe");
        assertThat(request.queryParameter("hub.challenge")).contains("0042");
        assertThat(request.queryParameter("hub.verify_token")).contains("a b+c");
        assertThat(request.queryParameter("flag")).contains("");
    }

    @Test
    void upperCasesTheMethod() {
        assertThat(WebhookRequest.builder().method("get").build().method()).isEqualTo("GET");
    }

    @Test
    void isNotChangedByLaterChangesToTheBodyArray() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        WebhookRequest request = WebhookRequest.builder().body(body).build();

        body[0] = 'x';
        request.body()[1] = 'y';

        assertThat(request.body()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void showsNoHeaderValueQueryValueOrBodyInToString() {
        WebhookRequest request = WebhookRequest.builder()
                .method("GET")
                .queryParameter("hub.verify_token", "tok-secret")
                .header("X-Hub-Signature-256", "sha256=cafe")
                .body("customer text".getBytes(StandardCharsets.UTF_8))
                .build();

        assertThat(request.toString())
                .contains("hub.verify_token", "x-hub-signature-256", "13 bytes")
                .doesNotContain("tok-secret", "cafe", "customer text");
    }

    @Test
    void buildNamesABlankMethod() {
        WebhookRequest.Builder builder = WebhookRequest.builder().method(" ");

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("method must not be blank");
    }

    @Test
    void toBuilderKeepsMethodQueryHeadersAndBody() {
        // given
        WebhookRequest original = WebhookRequest.builder()
                .method("get")
                .queryParameter("hub.mode", "subscribe")
                .headers(Map.of("Accept", List.of("a", "b")))
                .header("X-Hub-Signature-256", "sha256=ab")
                .body("{}".getBytes(StandardCharsets.UTF_8))
                .build();

        // when
        WebhookRequest copy = original.toBuilder().build();
        WebhookRequest changed = original.toBuilder().header("Accept", "c").queryParameter("hub.mode", "x").build();

        // then
        assertThat(copy.method()).isEqualTo("GET");
        assertThat(copy.queryParameter("hub.mode")).contains("subscribe");
        assertThat(copy.headerValues("accept")).containsExactly("a", "b");
        assertThat(copy.header("x-hub-signature-256")).contains("sha256=ab");
        assertThat(copy.body()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
        assertThat(copy).hasToString(original.toString());
        assertThat(changed.headerValues("accept")).containsExactly("a", "b", "c");
        assertThat(original.headerValues("accept")).containsExactly("a", "b");
        assertThat(original.queryParameter("hub.mode")).contains("subscribe");
    }
}
