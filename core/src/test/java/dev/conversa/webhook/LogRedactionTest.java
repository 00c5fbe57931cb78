package dev.conversa.webhook;

import static dev.conversa.webhook.IntakeFixture.APP_SECRET;
import static dev.conversa.webhook.IntakeFixture.RECENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.testsupport.EchoTestChannel;
import dev.conversa.testsupport.FailingInbox;
import dev.conversa.testsupport.TestSignatures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reads what slf4j-simple (the test binding) writes to System.err while the handler works. */
class LogRedactionTest {

    private static final String WORDS = "customer-words";

    private final IntakeFixture fixture = new IntakeFixture();
    private final WebhookHandler handler = fixture.handler();
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStandardError() {
        originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardError() {
        System.setErr(originalErr);
    }

    private String logs() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void logsNeitherBodySecretsNorTokensWhenRefusingRequests() {
        // given
        String json = EchoTestChannel.payload(IntakeFixture.ACCOUNT, "m1", "u1", RECENT, WORDS);

        // when
        handler.handle(TestSignatures.signedPost(json, "wrong-secret"));
        handler.handle(TestSignatures.signedPost("{\"object\":" + WORDS, APP_SECRET));
        handler.handle(WebhookRequest.builder().method("GET").queryParameter("hub.mode", "subscribe")
                .queryParameter("hub.verify_token", "guessed-token").queryParameter("hub.challenge", "1").build());
        handler.handle(TestSignatures.signedPost(json, APP_SECRET));

        // then
        assertThat(logs()).contains("401", "400", "handshake refused")
                .doesNotContain(WORDS, APP_SECRET, IntakeFixture.VERIFY_TOKEN, "guessed-token");
    }

    @Test
    void logsOnlyTheExceptionClassAboveDebugWhenTheInboxFails() {
        // given: a store exception whose message could quote stored values
        FailingInbox inbox = new FailingInbox(fixture.stores.inbox());
        inbox.failAppends(true);
        WebhookHandler failing = fixture.builder().inbox(inbox).build();

        // when
        failing.handle(IntakeFixture.signedMessage("m1"));

        // then
        assertThat(logs()).contains("Inbox append failed", IllegalStateException.class.getName())
                .doesNotContain(FailingInbox.MESSAGE);
    }

    @Test
    void logsAnUnregisteredAccountOnlyOnce() {
        String json = EchoTestChannel.payload("stranger", "m1", "u1", RECENT, WORDS);

        handler.handle(TestSignatures.signedPost(json, APP_SECRET));
        handler.handle(TestSignatures.signedPost(json, APP_SECRET));

        assertThat(logs().split("unregistered", -1)).hasSize(2);
    }

    @Test
    void logsAnUnknownObjectOnlyOnce() {
        String json = "{\"object\":\"mystery\",\"entry\":[]}";

        handler.handle(TestSignatures.signedPost(json, APP_SECRET));
        handler.handle(TestSignatures.signedPost(json, APP_SECRET));

        assertThat(logs().split("'mystery'", -1)).hasSize(2);
    }
}
