package dev.conversa.webhook;

import static dev.conversa.webhook.IntakeFixture.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.testsupport.TestSignatures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyLimitAndParsingTest {

    private final IntakeFixture fixture = new IntakeFixture();

    @Test
    void rejectsBodyOverTheLimitWith413() {
        WebhookHandler handler = fixture.builder().maxBodyBytes(64).build();
        String json = "{\"object\":\"test_object\",\"entry\":[],\"padding\":\"" + "x".repeat(64) + "\"}";

        WebhookResponse response = handler.handle(TestSignatures.signedPost(json, APP_SECRET));

        assertThat(response.status()).isEqualTo(413);
        assertThat(fixture.stored()).isZero();
    }

    @Test
    void rejectsDeclaredContentLengthOverTheLimitBeforeLookingAtTheSignature() {
        // given
        WebhookHandler handler = fixture.builder().maxBodyBytes(64).build();
        WebhookRequest request = WebhookRequest.builder().method("POST")
                .header("Content-Length", "5000000")
                .body("{}".getBytes(StandardCharsets.UTF_8))
                .build();

        // when
        WebhookResponse response = handler.handle(request);

        // then
        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void acceptsBodyExactlyAtTheLimit() {
        String json = "{\"object\":\"test_object\",\"entry\":[]}";
        WebhookHandler handler = fixture.builder().maxBodyBytes(json.length()).build();

        WebhookResponse response = handler.handle(TestSignatures.signedPost(json, APP_SECRET));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void rejectsMalformedJsonWithValidSignatureWith400() {
        WebhookResponse response = fixture.handler().handle(TestSignatures.signedPost("{\"object\": \"test_obj", APP_SECRET));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).startsWith("malformed JSON").doesNotContain("test_obj");
        assertThat(fixture.stored()).isZero();
    }

    @Test
    void rejectsTooDeeplyNestedJsonWith400() {
        String json = "{\"object\":\"test_object\",\"deep\":" + "[".repeat(200) + "]".repeat(200) + "}";

        WebhookResponse response = fixture.handler().handle(TestSignatures.signedPost(json, APP_SECRET));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).contains("nesting depth");
    }

    @Test
    void rejectsJsonWhoseTopLevelIsNotAnObject() {
        WebhookResponse response = fixture.handler().handle(TestSignatures.signedPost("[1,2,3]", APP_SECRET));

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void acknowledgesAPayloadTheChannelCannotReadAndKeepsItAsADeadLetter() {
        String json = "{\"object\":\"test_object\",\"entry\":\"not-a-list\"}";

        WebhookResponse response = fixture.handler().handle(TestSignatures.signedPost(json, APP_SECRET));

        assertThat(response.status()).isEqualTo(200);
        assertThat(fixture.stores.deadLetters().list(10)).singleElement().satisfies(letter -> {
            assertThat(letter.object()).isEqualTo("test_object");
            assertThat(letter.body()).isEqualTo(json);
            assertThat(letter.reason()).contains("test channel");
        });
        assertThat(fixture.stores.inbox().pendingCount()).isZero();
    }

    @Test
    void answers500WhenAnUnreadablePayloadCannotBeKept() {
        String json = "{\"object\":\"test_object\",\"entry\":\"not-a-list\"}";
        WebhookHandler handler = fixture.builder().deadLetters(new dev.conversa.store.DeadLetterStore() {
            @Override
            public dev.conversa.store.DeadLetter record(String object, String reason, String body,
                    java.time.Instant receivedAt) {
                throw new IllegalStateException("database down (test)");
            }

            @Override
            public java.util.List<dev.conversa.store.DeadLetter> list(int limit) {
                return java.util.List.of();
            }

            @Override
            public boolean delete(long id) {
                return false;
            }

            @Override
            public int purge(java.time.Instant before) {
                return 0;
            }
        }).build();

        WebhookResponse response = handler.handle(TestSignatures.signedPost(json, APP_SECRET));

        assertThat(response.status()).isEqualTo(500);
    }
}
