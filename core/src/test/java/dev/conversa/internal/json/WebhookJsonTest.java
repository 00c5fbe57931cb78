package dev.conversa.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.channel.WebhookPayload;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookJsonTest {

    private final WebhookJson json = WebhookJson.create(1024 * 1024);

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parsesObjectAndKeepsRawBytes() {
        byte[] body = utf8("{\"object\":\"page\",\"entry\":[]}");

        WebhookPayload payload = json.parse(body);

        assertThat(payload.object()).isEqualTo("page");
        assertThat(payload.size()).isEqualTo(body.length);
        assertThat(payload.body()).isEqualTo(ByteBuffer.wrap(body));
    }

    @Test
    void decodesEscapedUnicodeAndSlashes() {
        WebhookPayload payload = json.parse(utf8("{\"t\":\"\\u00e4 https:\\/\\/x\"}"));

        assertThat(WebhookTrees.root(payload).get("t").asString()).isEqualTo("ä https://x");
    }

    @Test
    void rejectsNestingDeeperThanTheLimit() {
        String deep = "{\"a\":" + "[".repeat(WebhookJson.MAX_NESTING_DEPTH) + "]".repeat(WebhookJson.MAX_NESTING_DEPTH) + "}";

        assertThatThrownBy(() -> json.parse(utf8(deep)))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    void rejectsStringLongerThanTheLimit() {
        String longString = "{\"a\":\"" + "x".repeat(WebhookJson.MAX_STRING_LENGTH + 1) + "\"}";

        assertThatThrownBy(() -> json.parse(utf8(longString))).hasMessageContaining("String value length");
    }

    @Test
    void rejectsNumberLongerThanTheLimit() {
        String longNumber = "{\"a\":" + "9".repeat(WebhookJson.MAX_NUMBER_LENGTH + 1) + "}";

        assertThatThrownBy(() -> json.parse(utf8(longNumber))).hasMessageContaining("Number value length");
    }

    @Test
    void rejectsNameLongerThanTheLimit() {
        String longName = "{\"" + "n".repeat(WebhookJson.MAX_NAME_LENGTH + 1) + "\":1}";

        assertThatThrownBy(() -> json.parse(utf8(longName))).hasMessageContaining("Name length");
    }

    @Test
    void rejectsDocumentLongerThanItsLimit() {
        WebhookJson small = WebhookJson.create(16);

        assertThatThrownBy(() -> small.parse(utf8("{\"a\":\"0123456789abcdef\"}")))
                .hasMessageContaining("Document length");
    }

    @Test
    void rejectsDuplicateNames() {
        assertThatThrownBy(() -> json.parse(utf8("{\"object\":\"page\",\"object\":\"instagram\"}")))
                .isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void rejectsDuplicateNamesInNestedObjects() {
        assertThatThrownBy(() -> json.parse(utf8("{\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"a\",\"field\":\"b\"}]}]}")))
                .isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void rejectsTrailingContent() {
        assertThatThrownBy(() -> json.parse(utf8("{\"a\":1} {\"b\":2}"))).isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void rejectsTopLevelThatIsNotAnObject() {
        assertThatThrownBy(() -> json.parse(utf8("\"just a string\""))).hasMessageContaining("not an object");
    }

    @Test
    void reportsMalformedJsonWithoutQuotingIt() {
        assertThatThrownBy(() -> json.parse(utf8("{\"text\": customer-secret-words}")))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageStartingWith("malformed JSON at byte")
                .hasNoCause()
                .message().doesNotContain("customer");
    }
}
