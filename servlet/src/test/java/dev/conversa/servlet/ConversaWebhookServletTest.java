package dev.conversa.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.lang.Secret;
import dev.conversa.model.TenantId;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.testkit.WebhookSigner;
import dev.conversa.testsupport.EchoTestChannel;
import dev.conversa.testsupport.FailingInbox;
import dev.conversa.webhook.WebhookHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The servlet in an embedded Tomcat 11, spoken to over HTTP on 127.0.0.1. */
class ConversaWebhookServletTest {

    private static final String APP_SECRET = "servlet-app-secret";
    private static final String VERIFY_TOKEN = "servlet-verify-token";
    private static final String ACCOUNT = "acct";
    private static final int LIMIT = 4096;

    @TempDir
    Path baseDir;

    private final Stores stores = InMemoryStores.create();
    private final FailingInbox inbox = new FailingInbox(stores.inbox());
    private final AtomicInteger appended = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private EmbeddedTomcat tomcat;

    @BeforeEach
    void startContainer() throws Exception {
        stores.accounts().save(ChannelAccount.of(TenantId.of("acme"), EchoTestChannel.TYPE, ACCOUNT, Secret.of("page-token")));
        WebhookHandler webhooks = WebhookHandler.builder()
                .appSecret(Secret.of(APP_SECRET))
                .verifyToken(Secret.of(VERIFY_TOKEN))
                .channel(new EchoTestChannel())
                .accounts(stores.accounts())
                .inbox(inbox)
                .deadLetters(stores.deadLetters())
                .maxBodyBytes(LIMIT)
                .onAppended(entries -> appended.addAndGet(entries.size()))
                .build();
        tomcat = new EmbeddedTomcat(baseDir, webhooks);
    }

    @AfterEach
    void stopContainer() throws Exception {
        tomcat.close();
    }

    @Test
    void answersTheSubscriptionHandshakeWithTheChallenge() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(tomcat.webhookUri(
                "hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge=1158201444")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("1158201444");
    }

    @Test
    void refusesTheHandshakeWithAWrongToken() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(tomcat.webhookUri(
                "hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1")).GET());

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void acceptsASignedPostAndStoresItsEvent() throws Exception {
        byte[] body = message("evt-1");

        HttpResponse<String> response = send(post(body, WebhookSigner.of(Secret.of(APP_SECRET)).sign(body)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("EVENT_RECEIVED");
        assertThat(stores.inbox().pendingCount()).isEqualTo(1);
        assertThat(appended).hasValue(1);
    }

    @Test
    void acceptsASignedChunkedPost() throws Exception {
        byte[] body = message("evt-chunked");
        HttpRequest.Builder request = HttpRequest.newBuilder(tomcat.webhookUri(""))
                .header(WebhookSigner.HEADER, WebhookSigner.of(Secret.of(APP_SECRET)).sign(body))
                .header("Content-Type", "application/json")
                // a stream of unknown length is sent with Transfer-Encoding: chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        HttpResponse<String> response = send(request);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(stores.inbox().pendingCount()).isEqualTo(1);
    }

    @Test
    void refusesAForgedPostWith401AndStoresNothing() throws Exception {
        byte[] body = message("evt-forged");

        HttpResponse<String> response = send(post(body, WebhookSigner.of(Secret.of("not-the-secret")).sign(body)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain(APP_SECRET);
        assertThat(stores.inbox().pendingCount()).isZero();
    }

    @Test
    void refusesAnUnsignedPostWith401() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(tomcat.webhookUri(""))
                .POST(HttpRequest.BodyPublishers.ofByteArray(message("evt-unsigned"))));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void refusesAnOversizedBodyWithContentLengthWith413() throws Exception {
        byte[] body = oversized();

        HttpResponse<String> response = send(post(body, WebhookSigner.of(Secret.of(APP_SECRET)).sign(body)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(stores.inbox().pendingCount()).isZero();
    }

    @Test
    void refusesAnOversizedChunkedBodyWith413() throws Exception {
        byte[] body = oversized();
        HttpRequest.Builder request = HttpRequest.newBuilder(tomcat.webhookUri(""))
                .header(WebhookSigner.HEADER, WebhookSigner.of(Secret.of(APP_SECRET)).sign(body))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        HttpResponse<String> response = send(request);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(stores.inbox().pendingCount()).isZero();
    }

    @Test
    void answersAFailingInboxWith500AsPlainTextWithoutAStackTrace() throws Exception {
        inbox.failAppends(true);
        byte[] body = message("evt-failing");

        HttpResponse<String> response = send(post(body, WebhookSigner.of(Secret.of(APP_SECRET)).sign(body)));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
        assertThat(response.body()).isEqualTo("the events could not be stored; deliver again").doesNotContain(FailingInbox.MESSAGE);
    }

    @Test
    void answersOtherMethodsWith405WithoutAnErrorPage() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(tomcat.webhookUri(""))
                .method("PUT", HttpRequest.BodyPublishers.ofString("x")));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
        assertThat(response.body()).doesNotContain("<html").doesNotContain("Exception");
    }

    private HttpRequest.Builder post(byte[] body, String signature) {
        return HttpRequest.newBuilder(tomcat.webhookUri(""))
                .header(WebhookSigner.HEADER, signature)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] message(String eventId) {
        return EchoTestChannel.payload(ACCOUNT, eventId, "u1", Instant.now().minusSeconds(5), "hi")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] oversized() {
        byte[] body = new byte[LIMIT * 16];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        return body;
    }
}
